import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { createServices, type Services } from '../../electron/core/app/services';
import { createHandlers } from '../../electron/core/app/handlers';
import { readEnvironment } from '../../electron/core/config/environment';
import { createHttpClient, OutsideCloudError } from '../../electron/core/http/httpClient';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { isolatedEnvironment, simCa, type IsolatedEnvironment } from '../support/environment';
import { signedInProfile } from '../support/signedInProfile';
import { runCli } from '../support/cli';

const unusedOpener = {
  open: () => {
    throw new Error('no sign-in window in this test');
  },
};

/**
 * The audit's attack: SAMDESK_CLOUD (and SAMDESK_CA_FILE) pointed at another host made the next
 * renewal send every stored refresh token and client secret there. Here the "attacker" is a second
 * simulator; it must see no request at all while the profiles stay whole.
 */
describe('a profile is used only in the cloud it was consented in', () => {
  let home: SimulatedCloud;
  let attacker: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let services: Services;
  let simProfile: ProfileRecord;
  const publicProfile: ProfileRecord = {
    id: 'p-public',
    name: 'Contoso (public)',
    // Stored before profiles recorded their hosts: its named cloud binds it.
    cloud: 'public',
    partnerTenantId: '00000000-0000-4000-8000-00000000c0de',
    clientId: '00000000-0000-4000-8000-0000000000a1',
    hasClientSecret: true,
    user: 'admin@contoso.example',
    mfa: true,
    issuedAt: '2026-11-20T08:00:00.000Z',
    lastRedeemedAt: '2026-11-20T08:00:00.000Z',
  };
  const attackerVariables = () => ({ ...isolated.variables, SAMDESK_CLOUD: attacker.url, SAMDESK_CA_FILE: attacker.caFile });

  beforeAll(async () => {
    [home, attacker] = await Promise.all([startSimulatedCloud({ customers: 2 }), startSimulatedCloud({ customers: 2, seed: 2 })]);
    isolated = isolatedEnvironment(home);
    services = createServices(isolated.environment, { opener: unusedOpener });
    simProfile = await signedInProfile(home, services, 'p-sim', { confidential: true });
    await services.vault.set(vaultAccounts.refreshToken(publicProfile.id), 'public-cloud-refresh-token');
    await services.vault.set(vaultAccounts.clientSecret(publicProfile.id), 'public-cloud-client-secret');
    await services.profiles.upsert(publicProfile);
  });

  afterAll(async () => {
    await isolated?.cleanUp();
    await Promise.all([home?.stop(), attacker?.stop()]);
  });

  it('a renewal with SAMDESK_CLOUD pointed elsewhere sends that cloud nothing and exits non-zero saying why', async () => {
    const before = await isolated.keychain.entries();
    const mark = attacker.requestLog.mark();
    const run = await runCli(['renew'], attackerVariables());
    expect(attacker.requestLog.since(mark)).toEqual([]);
    expect(run.status).toBe(8);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringContaining('“Contoso (public)” belongs to Microsoft public cloud (login.microsoftonline.com), but SAM Desk is set to Simulated cloud'));
    expect(lines).toContainEqual(expect.stringContaining(`belongs to a custom cloud (${new URL(home.url).host})`));
    // Nothing was lost, rewritten or marked as failed.
    expect(await isolated.keychain.entries()).toEqual(before);
    const stored = await services.profiles.list();
    expect(stored.find((profile) => profile.id === simProfile.id)).toEqual(simProfile);
    expect(stored.find((profile) => profile.id === publicProfile.id)).toEqual(publicProfile);
  });

  it('an access token for another cloud’s profile is refused the same way', async () => {
    const mark = attacker.requestLog.mark();
    const token = await runCli(['token', '--profile', 'p-sim', '--tenant', home.partnerTenantId, '--resource', 'graph'], attackerVariables());
    expect(token.status).toBe(8);
    expect(token.stdout).toBe('');
    expect(token.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^samdesk: .*belongs to a custom cloud .* its tokens were not used or sent\./)]);
    expect(attacker.requestLog.since(mark)).toEqual([]);
  });

  it('the window says which profiles are left alone, and automatic renewal skips them', async () => {
    // A month on, both profiles are due for keep-alive.
    const later = () => new Date(Date.now() + 30 * 24 * 3600_000);
    const elsewhere = createServices(readEnvironment(attackerVariables()), { opener: unusedOpener, now: later });
    const mark = attacker.requestLog.mark();
    const state = await createHandlers(elsewhere)['app.state'](undefined);
    expect(state.notices).toEqual([
      expect.objectContaining({
        title: '2 profiles of other clouds are left alone',
        message: expect.stringContaining('“Contoso (public)”'),
      }),
    ]);
    expect(await elsewhere.renewal.renewDue()).toEqual([]);
    expect(attacker.requestLog.since(mark)).toEqual([]);
    // In its own cloud the same clock renews the simulator's profile, and still not the public one.
    const inHome = createServices(isolated.environment, { opener: unusedOpener, now: later });
    expect((await inHome.renewal.renewDue()).map((result) => [result.profile.id, result.renewed])).toEqual([[simProfile.id, true]]);
  });

  it('nothing goes to a host outside the cloud, whatever URL a caller hands the client', async () => {
    const mark = home.requestLog.mark();
    const elsewhere = createServices(readEnvironment(attackerVariables()), { opener: unusedOpener });
    await expect(elsewhere.http.send({ method: 'GET', url: `${home.url}/graph/v1.0/contracts`, headers: { authorization: 'Bearer x' } })).rejects.toBeInstanceOf(OutsideCloudError);
    expect(home.requestLog.since(mark)).toEqual([]);
  });

  it('the extra CA vouches for the custom cloud’s own origin only', async () => {
    const { pem } = simCa(attacker);
    const forItsOrigin = createHttpClient({ extraCa: { pem, origin: new URL(attacker.url).origin }, retry: { attempts: 1 } });
    expect((await forItsOrigin.send({ method: 'GET', url: `${attacker.url}/_sim/clock` })).status).toBe(200);
    // The same CA, meant for another origin, is no reason to trust the attacker's certificate.
    const forAnother = createHttpClient({ extraCa: { pem, origin: home.url }, retry: { attempts: 1 } });
    await expect(forAnother.send({ method: 'GET', url: `${attacker.url}/_sim/clock` })).rejects.toThrow(`${new URL(attacker.url).host} presented a certificate SAM Desk does not trust.`);
  });

  it('back in its own cloud the profile renews as before', async () => {
    const run = await runCli(['renew', '--profile', 'p-sim'], isolated.variables);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
