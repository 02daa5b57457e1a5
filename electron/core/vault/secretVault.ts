import { redactSecrets } from '../app/redact';
import { ChunkedEntries, platformEntryLimit } from './chunkedEntries';

/** Where secrets live. The only implementation is the OS keychain; there is no plaintext fallback. */
export interface SecretVault {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** The keychain could not be used; `fix` says how to fix it on this OS. */
export class KeychainError extends Error {
  readonly fix: string;

  constructor(cause: unknown, platform = process.platform) {
    const reason = redactSecrets(cause instanceof Error ? cause.message : String(cause)).slice(0, 300);
    super(`SAM Desk could not use the OS keychain (${reason}). Nothing was saved anywhere else.`);
    this.name = 'KeychainError';
    this.fix = keychainFix(platform);
  }
}

export function keychainFix(platform: string): string {
  if (platform === 'darwin') return 'Unlock the login keychain in Keychain Access and allow SAM Desk to use it.';
  if (platform === 'win32') return 'Check that Windows Credential Manager is running for your user.';
  return 'Start and unlock a Secret Service keyring (GNOME Keyring or KWallet), then try again.';
}

type Keytar = Pick<typeof import('keytar'), 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;

/** A locked keyring may wait for a password prompt nobody sees; give up rather than hang the app. */
export const KEYCHAIN_TIMEOUT_MS = 20_000;

const loadKeytar = (): Promise<Keytar> => import('keytar').then((module) => (module as { default?: Keytar }).default ?? module);

/**
 * Windows Credential Manager, macOS Keychain or libsecret, through keytar. keytar is loaded on
 * first use, so a missing native library is a KeychainError with the fix, not a crash at start.
 * On Linux keytar speaks only to a Secret Service: unlike Chromium's safeStorage there is no
 * `basic_text` (plaintext) backend to fall back to, and SAM Desk adds none.
 *
 * keytar's calls block one of Node's four worker threads until the keychain answers. A call that
 * has not answered within the timeout is given up, but its thread stays blocked, so while one is
 * still out no further call is sent: they fail at once instead of blocking the threads that
 * every file read also needs.
 *
 * A value larger than one entry may hold (`maxEntryBytes`: Windows' 2,560 bytes) is split across
 * entries (chunkedEntries.ts); writes and deletes of one account run one at a time, so two of
 * this process's writes never interleave their pieces.
 */
export class KeychainVault implements SecretVault {
  private keytar: Promise<Keytar> | undefined;
  /** Calls that timed out and have not answered since. */
  private unanswered = 0;
  private readonly entries: ChunkedEntries;
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly service: string,
    private readonly timeoutMs = KEYCHAIN_TIMEOUT_MS,
    private readonly load: () => Promise<Keytar> = loadKeytar,
    maxEntryBytes = platformEntryLimit(),
  ) {
    this.entries = new ChunkedEntries(
      {
        get: (account) => this.guard((keytar) => keytar.getPassword(this.service, account)),
        set: (account, value) => this.guard((keytar) => keytar.setPassword(this.service, account, value)),
        delete: (account) => this.guard((keytar) => keytar.deletePassword(this.service, account)),
        list: async (prefix) =>
          (await this.guard((keytar) => keytar.findCredentials(this.service))).map(({ account }) => account).filter((account) => account.startsWith(prefix)),
      },
      maxEntryBytes,
    );
  }

  async get(account: string): Promise<string | null> {
    return this.entries.get(account).catch(asKeychainError);
  }

  async set(account: string, secret: string): Promise<void> {
    await this.oneAtATime(account, () => this.entries.set(account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.oneAtATime(account, () => this.entries.delete(account));
  }

  private oneAtATime<T>(account: string, work: () => Promise<T>): Promise<T> {
    const next = (this.writes.get(account) ?? Promise.resolve()).then(work).catch(asKeychainError);
    const settled = next.catch(() => undefined);
    this.writes.set(account, settled);
    void settled.then(() => this.writes.get(account) === settled && this.writes.delete(account));
    return next;
  }

  private async guard<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    if (this.unanswered > 0) {
      throw new KeychainError(new Error(`an earlier request has had no answer for over ${this.timeoutMs / 1000} s; is it locked?`));
    }
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        this.unanswered++;
        reject(new Error(`no answer within ${this.timeoutMs / 1000} s; is it locked?`));
      }, this.timeoutMs);
      timer.unref();
    });
    this.keytar ??= this.load();
    const call = this.keytar.then(operation);
    // When the late answer comes, the keychain is usable again.
    void call.then(
      () => timedOut && this.unanswered--,
      () => timedOut && this.unanswered--,
    );
    try {
      return await Promise.race([call, timeout]);
    } catch (error) {
      this.keytar = undefined; // a later call may find the keyring started or unlocked
      throw error instanceof KeychainError ? error : new KeychainError(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Everything the keychain layer throws is a KeychainError, pieces that do not add up included. */
function asKeychainError(error: unknown): never {
  throw error instanceof KeychainError ? error : new KeychainError(error);
}

export const vaultAccounts = {
  refreshToken: (profileId: string) => `${profileId}/refresh-token`,
  clientSecret: (profileId: string) => `${profileId}/client-secret`,
  /** The Exchange Online PowerShell app's refresh token, from the device-code step. */
  exchangeRefreshToken: (profileId: string) => `${profileId}/exchange-refresh-token`,
};
