import { createHash, randomBytes } from 'node:crypto';

/**
 * Windows Credential Manager keeps at most CRED_MAX_CREDENTIAL_BLOB_SIZE = 2,560 bytes per
 * credential (https://learn.microsoft.com/windows/win32/api/wincred/ns-wincred-credentialw), and
 * keytar stores the secret there as UTF-8. macOS Keychain and the Secret Service have no such
 * small limit.
 */
export const WINDOWS_CREDENTIAL_BLOB_BYTES = 2_560;

export function platformEntryLimit(platform: string = process.platform): number {
  return platform === 'win32' ? WINDOWS_CREDENTIAL_BLOB_BYTES : Number.POSITIVE_INFINITY;
}

/** One keychain entry per account, as the OS stores them. */
export interface EntryStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** The accounts under this service whose names start with `prefix`. */
  list(prefix: string): Promise<string[]>;
}

/** The stored pieces do not add up, and no writer replaced them meanwhile. */
export class IncompleteSecretError extends Error {
  constructor(account: string) {
    super(`the stored value of ${account} is incomplete`);
    this.name = 'IncompleteSecretError';
  }
}

const MANIFEST_PREFIX = 'samdesk-chunked:v1:';
const READ_ATTEMPTS = 3;

interface Manifest {
  generation: string;
  count: number;
  digest: string;
}

const chunkAccount = (account: string, generation: string, index: number) => `${account}#${generation}#${index}`;
const digestOf = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

function parseManifest(entry: string): Manifest | undefined {
  if (!entry.startsWith(MANIFEST_PREFIX)) return undefined;
  const [generation, count, digest] = entry.slice(MANIFEST_PREFIX.length).split(':');
  if (!generation || !digest || !/^\d+$/.test(count ?? '')) return undefined;
  return { generation, count: Number(count), digest };
}

/** Splits by whole code points so that every piece is valid UTF-8 of at most `maxBytes` bytes. */
export function splitUtf8(value: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceBytes = 0;
  for (const codePoint of value) {
    const bytes = Buffer.byteLength(codePoint, 'utf8');
    if (pieceBytes + bytes > maxBytes) {
      pieces.push(piece);
      piece = '';
      pieceBytes = 0;
    }
    piece += codePoint;
    pieceBytes += bytes;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Values larger than one entry may hold, split across entries and put together again, so that the
 * caller sees one value that changes all at once:
 * - the pieces of a value are written under a fresh generation first; only then does the account's
 *   own entry (one keychain write, the commit) switch to a manifest naming that generation. A write
 *   that fails before the commit leaves the old value whole and readable;
 * - a reader takes the pieces the manifest names and checks them against its digest; if a writer
 *   replaced them meanwhile it reads the new manifest again, so it never returns a mix;
 * - the old generation is removed after the commit; delete removes the entry and every piece,
 *   including pieces an interrupted write left behind.
 * A value that fits is stored as before, as the entry itself, so existing entries read unchanged.
 */
export class ChunkedEntries {
  constructor(
    private readonly store: EntryStore,
    private readonly maxBytes: number,
  ) {
    if (maxBytes < 128) throw new Error('An entry must hold at least 128 bytes (a manifest does).');
  }

  async get(account: string): Promise<string | null> {
    let entry = await this.store.get(account);
    for (let attempt = 1; ; attempt++) {
      const manifest = entry === null ? undefined : parseManifest(entry);
      if (!manifest) return entry;
      const value = await this.assemble(account, manifest);
      if (value !== undefined) return value;
      const again = await this.store.get(account);
      // Nobody replaced it, or the retries are used up: the pieces really are missing.
      if (again === entry || attempt >= READ_ATTEMPTS) throw new IncompleteSecretError(account);
      entry = again;
    }
  }

  async set(account: string, value: string): Promise<void> {
    // Where one entry holds any value (not Windows) there are no pieces to replace: one keychain call, as before.
    const previous = Number.isFinite(this.maxBytes) ? parseManifest((await this.store.get(account)) ?? '') : undefined;
    if (Buffer.byteLength(value, 'utf8') <= this.maxBytes && !value.startsWith(MANIFEST_PREFIX)) {
      await this.store.set(account, value);
    } else {
      await this.commitChunked(account, value);
    }
    if (previous) await this.removeGeneration(account, previous).catch(() => undefined); // leftovers: delete() sweeps them
  }

  async delete(account: string): Promise<boolean> {
    const deleted = await this.store.delete(account);
    for (const piece of await this.store.list(`${account}#`)) await this.store.delete(piece);
    return deleted;
  }

  private async commitChunked(account: string, value: string): Promise<void> {
    const generation = randomBytes(6).toString('hex');
    const pieces = splitUtf8(value, this.maxBytes);
    let written = 0;
    try {
      for (const piece of pieces) {
        await this.store.set(chunkAccount(account, generation, written), piece);
        written++;
      }
    } catch (error) {
      // Nothing points at these pieces yet, so removing them is safe; the old value is untouched.
      await this.removeGeneration(account, { generation, count: written + 1 }).catch(() => undefined);
      throw error;
    }
    // The commit. If it fails, the pieces stay: a commit that timed out may still land, and then
    // they are the value (delete() sweeps them otherwise).
    await this.store.set(account, `${MANIFEST_PREFIX}${generation}:${pieces.length}:${digestOf(value)}`);
  }

  private async assemble(account: string, manifest: Manifest): Promise<string | undefined> {
    const pieces: string[] = [];
    for (let index = 0; index < manifest.count; index++) {
      const piece = await this.store.get(chunkAccount(account, manifest.generation, index));
      if (piece === null) return undefined;
      pieces.push(piece);
    }
    const value = pieces.join('');
    return digestOf(value) === manifest.digest ? value : undefined;
  }

  private async removeGeneration(account: string, manifest: Pick<Manifest, 'generation' | 'count'>): Promise<void> {
    // Last piece first: an interrupted removal leaves a shorter run that fails the digest, never a longer one.
    for (let index = manifest.count - 1; index >= 0; index--) await this.store.delete(chunkAccount(account, manifest.generation, index));
  }
}
