import { describe, expect, it } from 'vitest';
import { KeychainError, KeychainVault } from '../../electron/core/vault/secretVault';

/** A keytar whose getPassword answers only when the test says so, as a keyring waiting on a prompt would. */
function stalledKeytar() {
  const stalled: Array<() => void> = [];
  let calls = 0;
  const keytar = {
    getPassword: () => {
      calls++;
      return new Promise<string | null>((resolve) => stalled.push(() => resolve('late')));
    },
    setPassword: async () => undefined,
    deletePassword: async () => true,
    findCredentials: async () => [],
  };
  return { keytar, stalled, calls: () => calls };
}

describe('the keychain vault when the keychain stops answering', () => {
  it('gives up on a call after the timeout with the fix in words', async () => {
    const { keytar } = stalledKeytar();
    const vault = new KeychainVault('svc', 20, async () => keytar);
    const error = await vault.get('p/refresh-token').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeychainError);
    expect((error as KeychainError).message).toMatch(/no answer within 0\.02 s; is it locked\?.*Nothing was saved anywhere else\./);
  });

  it('sends nothing more while a given-up call is still out, then works again once it answers', async () => {
    const { keytar, stalled, calls } = stalledKeytar();
    const vault = new KeychainVault('svc', 20, async () => keytar);
    await expect(vault.get('a')).rejects.toBeInstanceOf(KeychainError);

    // Refused at once, without taking another of Node's worker threads.
    await expect(vault.set('b', 'secret')).rejects.toThrow(/an earlier request has had no answer/);
    await expect(vault.get('c')).rejects.toThrow(/an earlier request has had no answer/);
    expect(calls()).toBe(1);

    stalled.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(vault.set('b', 'secret')).resolves.toBeUndefined();
  });
});
