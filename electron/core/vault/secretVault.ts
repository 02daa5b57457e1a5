import keytar from 'keytar';

/** Where secrets live. The only implementation is the OS keychain; there is no plaintext fallback. */
export interface SecretVault {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** The keychain could not be used; the message says how to fix it on this OS. */
export class KeychainError extends Error {
  constructor(cause: unknown, platform = process.platform) {
    super(`The OS keychain could not be used (${cause instanceof Error ? cause.message : String(cause)}). ${keychainFix(platform)}`);
    this.name = 'KeychainError';
  }
}

export function keychainFix(platform: string): string {
  if (platform === 'darwin') return 'Unlock the login keychain in Keychain Access and allow SAM Desk to use it.';
  if (platform === 'win32') return 'Check that Windows Credential Manager is running for your user.';
  return 'Start and unlock a Secret Service keyring (GNOME Keyring or KWallet), then try again.';
}

/** Windows Credential Manager, macOS Keychain or libsecret, through keytar. */
export class KeychainVault implements SecretVault {
  constructor(private readonly service: string) {}

  async get(account: string): Promise<string | null> {
    return this.guard(() => keytar.getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.guard(() => keytar.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.guard(() => keytar.deletePassword(this.service, account));
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new KeychainError(error);
    }
  }
}

export const vaultAccounts = {
  refreshToken: (profileId: string) => `${profileId}/refresh-token`,
  clientSecret: (profileId: string) => `${profileId}/client-secret`,
};
