import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toUserFacingError } from '../../electron/core/app/userFacingError';
import { CustomerTenantService } from '../../electron/core/tenants/customerTenants';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

describe('the customer list and DAP, as Partner Center allows', () => {
  const setup = useSimulatedApp({ cloud: { customers: 1_200 } });
  let profileId: string;
  const cacheFile = () => join(setup.isolated.environment.home, `customers-${profileId}.json`);

  beforeAll(async () => {
    profileId = (await signedInProfile(setup.sim, setup.services)).id;
  });

  beforeEach(() => {
    setup.sim.state.stats.clear();
    setup.sim.state.controls.mfaRequired = true;
  });

  it('pages Partner Center with seekOperation=Next and lists each customer once (a client that forgot it would get page one forever)', async () => {
    const { customers } = await setup.services.customers.list(profileId, true);
    const listed = setup.sim.state.customers.filter((c) => c.relationship === 'DAP' || c.resellerRelationship);
    expect(customers.filter((c) => c.inPartnerCenter).map((c) => c.tenantId).sort()).toEqual(listed.map((c) => c.id).sort());
    expect(setup.sim.state.stats.get('partnercenter customers')).toBe(Math.ceil(listed.length / 500));
  });

  it('asks Partner Center about DAP only for the customers checked, one call each, and keeps the answers through a refresh', async () => {
    await setup.services.customers.list(profileId, true);
    const dap = setup.sim.state.customers.filter((c) => c.relationship === 'DAP').slice(0, 2);
    const gdapReseller = setup.sim.state.customers.filter((c) => c.relationship === 'GDAP' && c.resellerRelationship).slice(0, 2);
    const gdapOnly = setup.sim.state.customers.find((c) => !c.resellerRelationship && c.relationship === 'GDAP')!;
    setup.sim.state.stats.clear();

    const checks = await setup.services.customers.checkDap(profileId, [...dap, ...gdapReseller, gdapOnly].map((c) => c.id));

    expect(checks.map((check) => check.dap)).toEqual(['yes', 'yes', 'no', 'no', 'no']);
    expect(checks.slice(0, 4).every((check) => typeof check.checkedAt === 'string')).toBe(true);
    // GET /v1/customers/{id} for the four Partner Center lists; none for the GDAP-only one.
    expect(setup.sim.state.stats.get('partnercenter customer')).toBe(4);
    const refreshed = await setup.services.customers.list(profileId, true);
    const byId = new Map(refreshed.customers.map((c) => [c.tenantId, c]));
    expect(dap.map((c) => byId.get(c.id)?.dap)).toEqual(['yes', 'yes']);
    expect(gdapReseller.map((c) => byId.get(c.id)?.dap)).toEqual(['no', 'no']);
    expect(refreshed.customers.filter((c) => c.dap === 'unknown').length).toBe(refreshed.customers.filter((c) => c.inPartnerCenter).length - 4);
  });

  it('reads a saved list of the old format (version 1) as nothing, without a crash or a damaged-file notice, and replaces it', async () => {
    // The last refresh's list is written in the background: let it land before the old file replaces it.
    await setup.services.customers.written(profileId);
    writeFileSync(cacheFile(), JSON.stringify({ schemaVersion: 1, data: { fetchedAt: '2026-01-01T00:00:00Z', customers: [{ tenantId: setup.sim.state.customers[0]!.id, name: 'x', domain: '', relationships: [{ kind: 'DAP' }] }] } }));

    expect(await setup.services.customers.cached(profileId)).toBeUndefined();
    const list = await setup.services.customers.list(profileId, false);

    expect(list.fromCache).toBeUndefined();
    expect(list.customers.length).toBeGreaterThan(1_000);
    await setup.services.customers.written(profileId);
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).schemaVersion).toBe(2);
    expect(readdirSync(setup.isolated.environment.home).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    expect(existsSync(cacheFile())).toBe(true);
  });

  it('answers with the fresh list before it is saved, and still answers when it cannot be saved (the save is retried with the next list)', async () => {
    await setup.services.customers.written(profileId);
    // The saved list's place is taken by a folder: writing it fails.
    const saved = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    rmSync(cacheFile());
    mkdirSync(cacheFile());
    try {
      const list = await setup.services.customers.list(profileId, true);
      expect(list.customers).toHaveLength(saved.data.customers.length);
      await expect(setup.services.customers.written(profileId)).rejects.toThrow();
      // The list stays at hand in memory meanwhile.
      expect((await setup.services.customers.list(profileId, false)).customers).toHaveLength(saved.data.customers.length);
    } finally {
      rmdirSync(cacheFile());
    }
    await setup.services.customers.list(profileId, true);
    await setup.services.customers.written(profileId);
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8')).data.customers).toHaveLength(saved.data.customers.length);
  });

  it('opens the first screen from the small file saved beside the list, and never pairs it with a list another process rewrote', async () => {
    const { customers } = await setup.services.customers.list(profileId, true);
    await setup.services.customers.written(profileId);
    const restarted = () => new CustomerTenantService(setup.isolated.environment.cloud, setup.services.http, setup.services.keeper, setup.isolated.environment.home);

    const screen = await restarted().firstScreen(profileId, 10);
    expect(screen).toMatchObject({ total: customers.length, fromCache: true });
    expect(screen!.customers).toEqual(customers.slice(0, 10));

    // The CLI (another process) saves a list of one: the old first screen does not belong to it.
    writeFileSync(cacheFile(), JSON.stringify({ schemaVersion: 2, data: { fetchedAt: '2026-12-01T08:00:00.000Z', customers: customers.slice(0, 1) } }));
    const service = restarted();
    expect(await service.firstScreen(profileId, 10)).toBeUndefined();
    expect((await service.list(profileId, false)).customers).toEqual(customers.slice(0, 1));
  });

  it('explains Partner Center’s refusal of a token without MFA (HTTP 401, code 900421) in plain words, with the fix', async () => {
    setup.sim.state.controls.mfaRequired = false;
    const noMfa = await signedInProfile(setup.sim, setup.services, 'p-no-mfa');

    const refused = await setup.services.customers.list(noMfa.id, true).then(
      () => undefined,
      (error: unknown) => toUserFacingError(error),
    );

    expect(refused).toEqual({
      kind: 'microsoft',
      message: 'Partner Center refused the token because it has no MFA claim.',
      action: expect.stringContaining('complete MFA'),
      code: 'Partner Center 900421',
      fix: 're-consent',
    });
  });
});
