import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/core/app/services';
import { createHandlers } from '../../electron/core/app/handlers';
import { dispatch } from '../../electron/core/app/dispatch';
import { silentLogger } from '../../electron/core/app/logger';
import { KeychainError, keychainFix, vaultAccounts, type SecretVault } from '../../electron/core/vault/secretVault';
import { signedInProfile } from '../support/signedInProfile';
import { runCli, runTypeScript } from '../support/cli';
import { useSimulatedApp } from '../support/simulatedApp';

/** A session bus address where nothing listens: what a headless box without a Secret Service looks like. */
const NO_SECRET_SERVICE = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/samdesk-no-bus', DISPLAY: undefined };

/** Every file under a folder, for "nothing was written in plaintext" checks. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const refusingVault = (reason: string): SecretVault => ({
  get: () => Promise.reject(new KeychainError(new Error(reason))),
  set: () => Promise.reject(new KeychainError(new Error(reason))),
  delete: () => Promise.reject(new KeychainError(new Error(reason))),
});

describe('keychain trouble', () => {
  const setup = useSimulatedApp({ cloud: { customers: 5 }, services: () => ({ logger: silentLogger }) });

  beforeAll(async () => {
    await signedInProfile(setup.sim, setup.services, 'p-keychain');
  });

  it('the CLI exits 7 with the fix for this OS when no Secret Service is running, and writes no secret to disk', async () => {
    const run = await runCli(['customers', '--refresh'], { ...setup.isolated.variables, ...NO_SECRET_SERVICE });
    expect(run.status).toBe(7);
    expect(run.stderr).toContain('SAM Desk could not use the OS keychain');
    expect(run.stderr).toContain(keychainFix(process.platform));
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^samdesk: /);
    expect(filesUnder(setup.isolated.environment.home).some((file) => file.includes('refresh'))).toBe(false);
  });

  it('a secret that cannot reach the keychain is not saved anywhere else', async () => {
    const home = mkdtempSync(join(tmpdir(), 'samdesk-nokeychain-'));
    const secret = `0.A${'plaintext-must-not-appear'.repeat(8)}`;
    const script = [
      "import { KeychainVault } from './electron/core/vault/secretVault.ts';",
      `await new KeychainVault('samdesk-test-nobus').set('p/refresh-token', ${JSON.stringify(secret)})`,
      "  .then(() => console.log('stored'), (error) => console.log(JSON.stringify({ name: error.name, message: error.message, fix: error.fix })));",
    ].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'samdesk-script-')), 'try-keychain.mts');
    writeFileSync(file, script.replace('./electron', join(process.cwd(), 'electron')));
    const run = await runTypeScript(file, { SAMDESK_HOME: home, ...NO_SECRET_SERVICE });
    const outcome = JSON.parse(run.stdout.trim()) as { name: string; message: string; fix: string };
    expect(outcome).toMatchObject({ name: 'KeychainError', fix: keychainFix(process.platform) });
    expect(outcome.message).toMatch(/^SAM Desk could not use the OS keychain \(.+\)\. Nothing was saved anywhere else\.$/);
    expect(outcome.message).not.toContain(secret);
    for (const written of filesUnder(home)) expect(readFileSync(written, 'utf8')).not.toContain(secret);
  });

  it('a keychain that refuses (locked, or access denied) reaches the UI as a keychain error with the fix', async () => {
    const refusing = createServices(setup.isolated.environment, {
      opener: { open: () => ({ close() {} }) },
      vault: refusingVault('The user refused access to the keyring'),
      logger: silentLogger,
    });
    const result = await dispatch(createHandlers(refusing), 'tenants.list', { profileId: 'p-keychain', refresh: true });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'keychain',
        message: 'SAM Desk could not use the OS keychain (The user refused access to the keyring). Nothing was saved anywhere else.',
        action: keychainFix(process.platform),
      },
    });
  });

  it('a damaged metadata file is set aside and reported at start; the keychain entries stay', async () => {
    const { home } = setup.isolated.environment;
    const tokenBefore = await setup.isolated.keychain.get(vaultAccounts.refreshToken('p-keychain'));
    expect(tokenBefore).toMatch(/^0\.A/);
    writeFileSync(join(home, 'profiles.json'), '{"schemaVersion":1,"data":[{"id":"p-keych');

    const handlers = createHandlers(setup.services);
    const result = await dispatch(handlers, 'app.state', undefined);

    expect(result.ok).toBe(true);
    const state = (result as { value: { profiles: unknown[]; notices: Array<{ title: string; message: string; action: string }> } }).value;
    expect(state.profiles).toEqual([]);
    expect(state.notices).toEqual([
      {
        title: 'Your saved partner accounts could not be read',
        message: expect.stringMatching(/profiles\.json was damaged and has been moved to .*profiles\.json\.corrupt-.*Your keychain entries are untouched\./),
        action: 'Connect your partner account again; the refresh tokens in the keychain were kept.',
      },
    ]);
    expect(readdirSync(home).filter((name) => name.startsWith('profiles.json.corrupt-'))).toHaveLength(1);
    expect(await setup.isolated.keychain.get(vaultAccounts.refreshToken('p-keychain'))).toBe(tokenBefore);
    // The next start is clean: no second notice, nothing else moved.
    const again = await dispatch(createHandlers(setup.services), 'app.state', undefined);
    expect(again).toMatchObject({ ok: true, value: { profiles: [] } });
    expect((again as { value: { notices?: unknown } }).value.notices).toBeUndefined();
  });

  it('metadata files are private to the user (0600 in a 0700 folder)', async () => {
    await signedInProfile(setup.sim, setup.services, 'p-private');
    expect(statSync(join(setup.isolated.environment.home, 'profiles.json')).mode & 0o777).toBe(0o600);
  });
});
