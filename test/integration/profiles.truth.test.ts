import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core/app/services';
import { createHandlers } from '../../electron/core/app/handlers';
import type { Handlers } from '../../electron/core/app/handlers/types';
import { dispatch } from '../../electron/core/app/dispatch';
import { silentLogger } from '../../electron/core/app/logger';
import type { SystemClipboard } from '../../electron/core/clipboard/clipboardKeeper';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { EventName } from '../../electron/ipc/events';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';
import { signedInProfile } from '../support/signedInProfile';

/** A clipboard in memory: this test is about what the window is told, not about the desktop's clipboard. */
function memoryClipboard(): SystemClipboard {
  let text = '';
  return { write: async (value) => void (text = value), readText: async () => text, clear: async () => void (text = '') };
}

/** What the header and the refresh-token panel are told is what the keychain and the last redemption say. */
describe('profile summaries tell the truth', () => {
  let sim: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let services: Services;
  let handlers: Handlers;
  const events: EventName[] = [];

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 3 });
    isolated = isolatedEnvironment(sim);
    services = createServices(isolated.environment, {
      opener: { open: () => ({ close: () => undefined }) },
      logger: silentLogger,
      clipboard: memoryClipboard(),
      events: { emit: (event) => void events.push(event) },
    });
    handlers = createHandlers(services);
    await signedInProfile(sim, services, 'p-truth', { confidential: true });
  });
  afterAll(async () => {
    await isolated?.cleanUp();
    await sim?.stop();
  });

  it('every rotation a snippet copy stores tells the window to read the countdowns again', async () => {
    const before = (await services.profiles.get('p-truth'))!.lastRedeemedAt;
    events.length = 0;
    const customer = sim.state.customers.find((candidate) => candidate.relationship === 'DAP') ?? sim.state.customers[0]!;
    const copied = await dispatch(handlers, 'snippets.copy', { profileId: 'p-truth', customerTenantId: customer.id, module: 'graph' });
    expect(copied).toMatchObject({ ok: true });
    expect((await services.profiles.get('p-truth'))!.lastRedeemedAt >= before).toBe(true);
    expect(events).toContain('profiles.changed');
  });

  it('a profile whose refresh token is gone from the keychain says so, with no countdown, wherever it is listed', async () => {
    const listed = await dispatch(handlers, 'profiles.list', undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ id: 'p-truth', hasRefreshToken: true, level: 'healthy' }] });

    await services.vault.delete(vaultAccounts.refreshToken('p-truth'));
    const expected = {
      id: 'p-truth',
      hasRefreshToken: false,
      level: 'expired',
      lastError: { code: 'no-refresh-token', message: 'No refresh token is stored in the keychain for this profile.', reconsent: true },
    };
    expect(await dispatch(handlers, 'profiles.list', undefined)).toMatchObject({ ok: true, value: [expected] });
    expect(await dispatch(handlers, 'app.state', undefined)).toMatchObject({ ok: true, value: { profiles: [expected] } });
    const renewal = await dispatch(handlers, 'profiles.renew', { profileId: 'p-truth' });
    expect(renewal).toMatchObject({ ok: true, value: { renewed: false, profile: expected } });
  });
});
