import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/app/logger';
import { LoopbackListener } from '../../electron/core/identity/loopback';
import { withFileLock } from '../../electron/core/vault/fileLock';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { signedInProfile } from '../support/signedInProfile';
import { runCli, runTypeScript } from '../support/cli';
import { useSimulatedApp } from '../support/simulatedApp';

const root = join(__dirname, '../..');

/** Runs a TypeScript snippet in its own Node process and resolves with its exit code and output. */
function runNode(source: string, env: Record<string, string> = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'samdesk-child-')), 'child.mts');
  writeFileSync(file, source.replaceAll('@root', root));
  return runTypeScript(file, env);
}

describe('the metadata lock across processes', () => {
  it('lets only one process at a time read-modify-write: no increment is lost', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'samdesk-lock-'));
    const counter = join(folder, 'counter');
    writeFileSync(counter, '0');
    const child = `
      import { readFile, writeFile } from 'node:fs/promises';
      import { withFileLock } from '@root/electron/core/vault/fileLock.ts';
      for (let i = 0; i < 20; i++) {
        await withFileLock(${JSON.stringify(join(folder, 'counter.lock'))}, async () => {
          const value = Number(await readFile(${JSON.stringify(counter)}, 'utf8'));
          await new Promise((resolve) => setTimeout(resolve, 2));
          await writeFile(${JSON.stringify(counter)}, String(value + 1));
        });
      }`;
    const runs = await Promise.all([runNode(child), runNode(child), runNode(child)]);
    expect(runs.map((run) => [run.status, run.stderr])).toEqual([[0, ''], [0, ''], [0, '']]);
    expect(readFileSync(counter, 'utf8')).toBe('60');
  });

  it('breaks a lock left behind by a process that no longer exists', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'samdesk-lock-')), 'profiles.json.lock');
    writeFileSync(lock, '2147483646 left-by-a-crash');
    await expect(withFileLock(lock, async () => 'ran', { timeoutMs: 1_000 })).resolves.toBe('ran');
  });

  it('waits for a live holder, then says plainly that another SAM Desk process is busy', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'samdesk-lock-')), 'profiles.json.lock');
    writeFileSync(lock, `${process.pid} held-by-this-test`);
    await expect(withFileLock(lock, async () => 'ran', { timeoutMs: 200 })).rejects.toThrow(
      'Another SAM Desk process is still updating profiles.json. Try again in a moment.',
    );
  });
});

describe('the app and the CLI redeeming the same refresh token at once', () => {
  const setup = useSimulatedApp({ cloud: { customers: 8 }, services: () => ({ logger: silentLogger }) });

  it('both finish, the metadata stays whole and the keychain ends with a token that works', async () => {
    const profile = await signedInProfile(setup.sim, setup.services, 'p-race');
    const first = await setup.services.vault.get(vaultAccounts.refreshToken(profile.id));
    // Another profile written meanwhile must survive the CLI's and the app's metadata writes.
    const [cliA, cliB, appRedemptions] = await Promise.all([
      runCli(['customers', '--refresh', '--profile', 'p-race'], setup.isolated.variables),
      runCli(['customers', '--refresh', '--profile', 'p-race'], setup.isolated.variables),
      Promise.all(
        Array.from({ length: 6 }, (_, i) => setup.services.keeper.redeem(profile.id, setup.sim.partnerTenantId, i % 2 ? 'graph' : 'partnercenter')),
      ),
      signedInProfile(setup.sim, setup.services, 'p-meanwhile'),
    ]);

    expect([cliA.status, cliA.stderr, cliB.status, cliB.stderr]).toEqual([0, '', 0, '']);
    expect(cliA.stdout.split('\n').length).toBeGreaterThan(3);
    expect(appRedemptions.every((token) => token.accessToken.startsWith('eyJ'))).toBe(true);
    expect((await setup.services.profiles.list()).map((p) => p.id).sort()).toEqual(['p-meanwhile', 'p-race']);
    const last = await setup.services.vault.get(vaultAccounts.refreshToken(profile.id));
    expect(last).toMatch(/^0\.A/);
    expect(last).not.toBe(first);
    await expect(setup.services.keeper.redeem(profile.id, setup.sim.partnerTenantId, 'graph')).resolves.toMatchObject({
      accessToken: expect.stringMatching(/^eyJ/),
    });
  });
});

describe('the loopback redirect listener', () => {
  const nonLoopback = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4')?.address;

  it.skipIf(!nonLoopback)('cannot be reached through the machine’s network address, only 127.0.0.1', async () => {
    const listener = await LoopbackListener.start();
    const abort = new AbortController();
    const waiting = listener.waitForCode('the-real-state', abort.signal).catch(() => undefined);
    const reach = (host: string) =>
      new Promise<string>((resolve) => {
        http
          .get({ host, port: listener.port, path: '/?state=x&code=y', timeout: 2_000 }, (response) => resolve(`answered ${response.statusCode}`))
          .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
          .on('timeout', function (this: http.ClientRequest) {
            this.destroy();
            resolve('timeout');
          });
      });
    try {
      expect(await reach(nonLoopback!)).toBe('ECONNREFUSED');
      expect(await reach('127.0.0.1')).toBe('answered 400');
    } finally {
      abort.abort();
      await waiting;
    }
  });
  if (!nonLoopback) console.log('crossProcess: skipped the network-address test: this machine has no non-loopback IPv4 address.');

  it('a second SAM Desk process cannot take a port the first is listening on', async () => {
    const listener = await LoopbackListener.start();
    try {
      const second = await runNode(`
        import { LoopbackListener } from '@root/electron/core/identity/loopback.ts';
        const other = await LoopbackListener.start({ first: ${listener.port}, last: ${listener.port + 50} });
        console.log(other.port);
        other.close();`);
      expect(second.status).toBe(0);
      const port = Number(second.stdout.trim());
      expect(port).toBeGreaterThan(listener.port);
    } finally {
      listener.close();
    }
  });
});
