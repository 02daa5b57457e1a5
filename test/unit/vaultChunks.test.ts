import { describe, expect, it } from 'vitest';
import { ChunkedEntries, IncompleteSecretError, splitUtf8, WINDOWS_CREDENTIAL_BLOB_BYTES, type EntryStore } from '../../electron/core/vault/chunkedEntries';
import { KeychainError, KeychainVault } from '../../electron/core/vault/secretVault';

const LIMIT = WINDOWS_CREDENTIAL_BLOB_BYTES;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** A refresh-token-like value of `length` URL-safe characters. */
const token = (length: number, seed = 'a') => `0.A${seed.repeat(length)}`.slice(0, length);

/** The keychain as a map, with a hook that runs before each call (to fail or interleave one). */
function memoryStore() {
  const entries = new Map<string, string>();
  let before: (call: string, account: string) => Promise<void> | void = () => undefined;
  const store: EntryStore = {
    async get(account) {
      await before('get', account);
      return entries.get(account) ?? null;
    },
    async set(account, value) {
      await before('set', account);
      entries.set(account, value);
    },
    async delete(account) {
      await before('delete', account);
      return entries.delete(account);
    },
    async list(prefix) {
      return [...entries.keys()].filter((account) => account.startsWith(prefix));
    },
  };
  return { store, entries, onCall: (hook: typeof before) => (before = hook) };
}

describe('splitting a value into entries Windows can hold', () => {
  it('cuts only between whole characters, every piece within the limit', () => {
    const value = `${'é'.repeat(1500)}🔑${'x'.repeat(10)}漢字`.repeat(3);
    const pieces = splitUtf8(value, LIMIT);
    expect(pieces.join('')).toBe(value);
    expect(pieces.every((piece) => bytes(piece) <= LIMIT)).toBe(true);
    expect(pieces.some((piece) => bytes(piece) > LIMIT - 4)).toBe(true);
  });
});

describe('values above one entry’s limit, in the keychain', () => {
  it('keeps a value that fits as one entry, as before, and one byte more in pieces that all fit', async () => {
    const { store, entries } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('p/refresh-token', token(LIMIT));
    expect([...entries.keys()]).toEqual(['p/refresh-token']);
    expect(entries.get('p/refresh-token')).toBe(token(LIMIT));

    await vault.set('p/refresh-token', token(LIMIT + 1, 'b'));
    expect(entries.size).toBe(3);
    expect([...entries.values()].every((entry) => bytes(entry) <= LIMIT)).toBe(true);
    expect(await vault.get('p/refresh-token')).toBe(token(LIMIT + 1, 'b'));
  });

  it('round-trips multi-byte text exactly (keytar stores UTF-8)', async () => {
    const { store } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    const value = `Ωmega-${'ü'.repeat(3000)}-🔐`;
    await vault.set('a', value);
    expect(await vault.get('a')).toBe(value);
  });

  it('replacing a chunked value leaves only the new pieces; a small value after it leaves none', async () => {
    const { store, entries } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('a', token(6000, 'c'));
    await vault.set('a', token(9000, 'd'));
    expect(await vault.get('a')).toBe(token(9000, 'd'));
    expect(entries.size).toBe(1 + Math.ceil(9000 / LIMIT));
    await vault.set('a', 'small');
    expect([...entries.entries()]).toEqual([['a', 'small']]);
  });

  it('a write that fails halfway leaves the old value whole and readable, and no new pieces behind', async () => {
    const { store, entries, onCall } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('a', token(6000, 'c'));
    const before = new Map(entries);
    let sets = 0;
    onCall((call) => {
      if (call === 'set' && ++sets === 2) throw new Error('the keychain refused');
    });
    await expect(vault.set('a', token(9000, 'd'))).rejects.toThrow('the keychain refused');
    onCall(() => undefined);
    expect(entries).toEqual(before);
    expect(await vault.get('a')).toBe(token(6000, 'c'));
  });

  it('a commit that fails leaves the old value readable', async () => {
    const { store, onCall } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('a', token(6000, 'c'));
    onCall((call, account) => {
      if (call === 'set' && account === 'a') throw new Error('no answer');
    });
    await expect(vault.set('a', token(9000, 'd'))).rejects.toThrow('no answer');
    onCall(() => undefined);
    expect(await vault.get('a')).toBe(token(6000, 'c'));
  });

  it('a reader that meets a writer mid-way returns the old or the new value, never a mix', async () => {
    const { store, onCall } = memoryStore();
    const reader = new ChunkedEntries(store, LIMIT);
    const writer = new ChunkedEntries(store, LIMIT);
    await writer.set('a', token(6000, 'c'));
    let interleaved = false;
    onCall(async (call, account) => {
      // The reader has the old manifest and one piece; another process now replaces the value entirely.
      if (!interleaved && call === 'get' && account.endsWith('#1')) {
        interleaved = true;
        onCall(() => undefined);
        await writer.set('a', token(6000, 'd'));
      }
    });
    expect(await reader.get('a')).toBe(token(6000, 'd'));
    expect(interleaved).toBe(true);
  });

  it('pieces that are gone with no writer to blame are an error, not a shorter secret', async () => {
    const { store, entries } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('a', token(6000, 'c'));
    entries.delete([...entries.keys()].find((account) => account.endsWith('#1'))!);
    await expect(vault.get('a')).rejects.toBeInstanceOf(IncompleteSecretError);
  });

  it('delete removes the entry and every piece, also pieces an interrupted write left behind', async () => {
    const { store, entries, onCall } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('a', token(6000, 'c'));
    onCall((call, account) => {
      if (call === 'set' && account === 'a') throw new Error('no answer');
    });
    await vault.set('a', token(9000, 'd')).catch(() => undefined);
    onCall(() => undefined);
    entries.set('ab', 'another account');
    expect(await vault.delete('a')).toBe(true);
    expect([...entries.keys()]).toEqual(['ab']);
    expect(await vault.get('a')).toBeNull();
  });

  it('a value that looks like a manifest is stored in pieces and read back as itself', async () => {
    const { store } = memoryStore();
    const vault = new ChunkedEntries(store, LIMIT);
    await vault.set('a', 'samdesk-chunked:v1:abc:1:0123');
    expect(await vault.get('a')).toBe('samdesk-chunked:v1:abc:1:0123');
  });
});

describe('the keychain vault with Windows’ limit', () => {
  /** keytar as Windows would behave: an entry above 2,560 bytes is refused. */
  function windowsKeytar() {
    const entries = new Map<string, string>();
    let stall = false;
    const keytar = {
      getPassword: async (_service: string, account: string) => entries.get(account) ?? null,
      setPassword: (_service: string, account: string, value: string) => {
        if (stall) return new Promise<void>(() => undefined);
        if (bytes(value) > LIMIT) return Promise.reject(new Error('The stub received bad data.'));
        entries.set(account, value);
        return Promise.resolve();
      },
      deletePassword: async (_service: string, account: string) => entries.delete(account),
      findCredentials: async () => [...entries.entries()].map(([account, password]) => ({ account, password })),
    };
    return { keytar, entries, stallWrites: () => (stall = true) };
  }

  it('stores a 5,000-character token that one Windows credential cannot hold', async () => {
    const { keytar, entries } = windowsKeytar();
    const vault = new KeychainVault('svc', 1_000, async () => keytar, LIMIT);
    await vault.set('p/refresh-token', token(5000));
    expect(entries.size).toBeGreaterThan(2);
    expect(await vault.get('p/refresh-token')).toBe(token(5000));
  });

  it('keeps its no-pile-up rule: after a piece gets no answer, nothing more is sent and the old value stays', async () => {
    const { keytar, entries, stallWrites } = windowsKeytar();
    const vault = new KeychainVault('svc', 20, async () => keytar, LIMIT);
    await vault.set('p/refresh-token', token(5000, 'c'));
    const before = new Map(entries);
    stallWrites();
    await expect(vault.set('p/refresh-token', token(5000, 'd'))).rejects.toBeInstanceOf(KeychainError);
    await expect(vault.get('p/refresh-token')).rejects.toThrow(/an earlier request has had no answer/);
    expect(entries).toEqual(before);
  });

  it('runs two writes of one account one after the other, so their pieces never interleave', async () => {
    const { keytar, entries } = windowsKeytar();
    const vault = new KeychainVault('svc', 1_000, async () => keytar, LIMIT);
    await Promise.all([vault.set('a', token(7000, 'c')), vault.set('a', token(7000, 'd')), vault.set('a', token(3000, 'e'))]);
    expect(await vault.get('a')).toBe(token(3000, 'e'));
    expect(entries.size).toBe(1 + Math.ceil(3000 / LIMIT));
  });
});
