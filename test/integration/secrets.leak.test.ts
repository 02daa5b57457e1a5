import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedSecrets } from '../sim/tokens';
import { dispatch } from '../../electron/core/app/dispatch';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { chromiumOpener, launchChromium } from '../support/browser';
import { cliCommand, runCli } from '../support/cli';
import type { ProcessRun } from '../support/process';
import { RunbookCredential, simControl, simSecretClient } from '../support/keyVault';
import { desktopClipboard } from '../harness/desktopClipboard';
import type { SystemClipboard } from '../../electron/core/clipboard/clipboardKeeper';
import { useSimulatedApp } from '../support/simulatedApp';

/** Every regular file under `folder` (bounded in size), skipping what cannot be read (sockets, vanished files). */
function filesUnder(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => {
      try {
        return statSync(file).size < 50 * 1024 * 1024;
      } catch {
        return false;
      }
    });
}

function read(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * One run of everything that touches a secret — consent (with a client secret), customer listing,
 * a snippet copy, a renewal, publishing to Key Vault and keeping it in step (push, adoption,
 * refusal), the CLI in another process — in a fresh SAMDESK_HOME; then every
 * refresh token, access token, ID token and client secret the simulator issued is searched for
 * outside the keychain. The only place one may appear is the clipboard, after an explicit snippets.copy.
 */
describe('secrets never leak', () => {
  let browser: Browser;
  const setup = useSimulatedApp({
    cloud: { customers: 12 },
    services: async (sim) => {
      browser = await launchChromium(sim);
      return { opener: chromiumOpener(browser, sim), clipboard: recordingClipboard };
    },
  });
  const issued = new Set<string>();
  /** Everything the renderer received: answers to every call. */
  const received: unknown[] = [];
  const cliRuns: ProcessRun[] = [];
  /** What main put on the (real) clipboard. */
  let snippetText = '';
  const desktop = desktopClipboard();
  const recordingClipboard: SystemClipboard = {
    ...desktop,
    write: async (text, options) => {
      snippetText += text;
      await desktop.write(text, options);
    },
  };
  let tmpBefore: Set<string>;

  const call = async (channel: string, input?: unknown) => {
    const result = await dispatch(setup.handlers, channel, input);
    received.push(result);
    return result;
  };

  beforeAll(async () => {
    issuedSecrets.record = issued;
    tmpBefore = new Set(readdirSync(tmpdir()));
    issued.add(setup.sim.samAppSecret);

    const consent = await call('consent.start', { partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId, clientSecret: setup.sim.samAppSecret });
    expect(consent).toMatchObject({ ok: true });
    const profileId = (consent as { value: { id: string } }).value.id;
    expect(await call('app.state')).toMatchObject({ ok: true });
    expect(await call('tenants.list', { profileId, refresh: true })).toMatchObject({ ok: true });
    const customer = setup.sim.state.customers.find((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId))!;
    expect(await call('snippets.copy', { profileId, customerTenantId: customer.id, module: 'az' })).toMatchObject({ ok: true });
    expect(await call('profiles.renew', { profileId })).toMatchObject({ ok: true });
    expect(await call('consent.verify', { profileId })).toMatchObject({ ok: true });
    // The Key Vault path: find vaults, publish (CIPP's names, with the client secret), a push after a renewal,
    // a version a runbook wrote behind SAM Desk's back adopted, a refusal, and a published profile's script snippet.
    expect(await call('keyVault.vaults', { profileId })).toMatchObject({ ok: true });
    expect(await call('keyVault.publish', { profileId, vaultUrl: setup.sim.keyVaultUrl, names: 'cipp' })).toMatchObject({ ok: true, value: { state: 'in-sync' } });
    expect(await call('profiles.renew', { profileId })).toMatchObject({ ok: true });
    await setup.services.keyVault.sync.flush();
    const runbook = new RunbookCredential(setup.sim, (await setup.services.vault.get(vaultAccounts.refreshToken(profileId)))!, setup.sim.samAppSecret);
    const runbookVault = simSecretClient(setup.sim, runbook);
    await runbookVault.getSecret('RefreshToken'); // its Key Vault token rotates the runbook's copy
    await runbookVault.setSecret('RefreshToken', runbook.refreshToken);
    expect(await call('keyVault.sync', { profileId })).toMatchObject({ ok: true, value: { lastAdoptedAt: expect.any(String) } });
    await simControl(setup.sim, '/_sim/keyvault/roles', { roles: [] });
    expect(await call('keyVault.sync', { profileId })).toMatchObject({ ok: false, error: { code: 'ForbiddenByRbac' } });
    await simControl(setup.sim, '/_sim/keyvault/roles', { roles: ['Key Vault Secrets Officer'] });
    expect(await call('keyVault.list')).toMatchObject({ ok: true });
    expect(await call('snippets.copy', { profileId, customerTenantId: setup.sim.state.customers[0]!.id, module: 'graph', mode: 'script' })).toMatchObject({ ok: true });
    // The readiness path: probes (a token and one call per customer and resource), their saved results, the consent check.
    expect(await call('probes.run', { profileId, resources: ['azure', 'graph', 'exchange', 'partnercenter'], concurrency: 4 })).toMatchObject({ ok: true });
    expect(await call('probes.results', { profileId })).toMatchObject({ ok: true });
    expect(await call('customerConsent.list', { profileId })).toMatchObject({ ok: true });
    // An expected failure: a customer without consent answers AADSTS65001, whose body the error passes through.
    setup.sim.state.setConsent(customer.id, setup.sim.samAppId, false);
    expect(await call('snippets.copy', { profileId, customerTenantId: customer.id, module: 'graph' })).toMatchObject({ ok: false });

    console.log(`secrets.leak: the CLI runs as ${cliCommand().built ? 'bin/samdesk.js (built)' : 'electron/cli/samdesk.ts through tsx (no fresh build)'}`);
    for (const args of [['profiles'], ['profiles', '--json'], ['customers', '--refresh'], ['customers', '--json'], ['vault', 'status'], ['vault', 'status', '--json'], ['renew'], ['check'], ['check', '--json']]) {
      cliRuns.push(await runCli(args, setup.isolated.variables));
    }
    // A revoked token: the failure path through the CLI and the app.
    const revoke = await setup.services.http.send({
      method: 'POST',
      url: `${setup.sim.url}/_sim/revoke`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: setup.sim.user }),
    });
    expect(revoke.status).toBe(200);
    cliRuns.push(await runCli(['customers', '--refresh'], setup.isolated.variables));
    // No Key Vault token any more (a new process has none remembered): the vault path's failure through the CLI.
    cliRuns.push(await runCli(['vault', 'publish', '--vault', setup.sim.keyVaultUrl], setup.isolated.variables));
    expect(await call('profiles.renew', { profileId })).toBeDefined();
    await browser.close();
  });

  afterAll(async () => {
    issuedSecrets.record = undefined;
  });

  const leaksIn = (haystack: Buffer | string): string[] => {
    const buffer = typeof haystack === 'string' ? Buffer.from(haystack) : haystack;
    return [...issued].filter((secret) => buffer.includes(secret)).map((secret) => `${secret.slice(0, 12)}…`);
  };

  it('issued the secrets this test hunts for, and the search finds them where they are allowed', async () => {
    expect(issued.size).toBeGreaterThan(10);
    expect(cliRuns.slice(0, 7).map((run) => run.status)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(leaksIn(snippetText).length).toBeGreaterThanOrEqual(2);
    const [profile] = await setup.services.profiles.list();
    const stored = await setup.isolated.keychain.get(vaultAccounts.refreshToken(profile!.id));
    expect(issued.has(stored!)).toBe(true);
    expect(await setup.isolated.keychain.get(vaultAccounts.clientSecret(profile!.id))).toBe(setup.sim.samAppSecret);
  });

  it('none is in SAMDESK_HOME: metadata, caches or logs', () => {
    const files = filesUnder(setup.isolated.environment.home);
    expect(files.some((file) => file.includes('profiles.json'))).toBe(true);
    expect(files.some((file) => file.endsWith('key-vault.json'))).toBe(true);
    const leaks = files.flatMap((file) => leaksIn(read(file) ?? Buffer.alloc(0)).map((secret) => `${file}: ${secret}`));
    expect(leaks).toEqual([]);
  });

  it('none is in a file created in the temp folder during the run', () => {
    const created = readdirSync(tmpdir()).filter((name) => !tmpBefore.has(name));
    const leaks = created
      .flatMap((name) => {
        const path = join(tmpdir(), name);
        const stat = statSync(path, { throwIfNoEntry: false });
        return stat?.isDirectory() ? filesUnder(path) : stat?.isFile() ? [path] : [];
      })
      .flatMap((file) => leaksIn(read(file) ?? Buffer.alloc(0)).map((secret) => `${file}: ${secret}`));
    expect(leaks).toEqual([]);
  });

  it('none reached the renderer except inside the snippet the user asked to copy', () => {
    expect(received.length).toBeGreaterThan(7);
    expect(leaksIn(JSON.stringify(received))).toEqual([]);
  });

  it('none is printed by the CLI, on stdout or stderr, in success or failure', () => {
    expect(cliRuns.at(-2)?.status).toBe(4);
    expect(cliRuns.at(-1)?.status).toBe(4);
    for (const run of cliRuns) expect(leaksIn(run.stdout + run.stderr)).toEqual([]);
  });
});
