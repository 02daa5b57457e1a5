import { describe, expect, it, vi } from 'vitest';
import type { SamAppResult } from '../../../electron/ipc/wizard';
import { useSamDeskStore } from '../../../renderer/src/store';
import { installSamDesk, refusal, store, useFreshStore } from './fakeSamDesk';

const appId = '22222222-2222-4222-8222-222222222222';
const app = (change: Partial<SamAppResult> = {}): SamAppResult => ({ app: { appId, displayName: 'SAM Desk' }, checks: [], ...change });
const secret = { text: 'not-a-real-secret', expiresAt: '2027-01-01T00:00:00.000Z' };

describe('SAM app slice', () => {
  useFreshStore();

  it('the admin sign-in sends the draft\'s tenant and browser and keeps who signed in', async () => {
    const signIn = vi.fn(() => Promise.resolve({ user: 'admin@partner.example', tenantId: '33333333-3333-4333-8333-333333333333' }));
    installSamDesk({ samApp: { signIn } });
    store().updateDraft({ partnerTenant: 'partner.example', browser: 'system' });
    await store().adminSignIn();
    expect(signIn).toHaveBeenCalledWith({ partnerTenant: 'partner.example', browser: 'system' });
    expect(store()).toMatchObject({ adminUser: 'admin@partner.example', wizardBusy: null });
  });

  it('creating an app hands the new secret back once and never keeps it in the store; the draft takes its app id', async () => {
    installSamDesk({ samApp: { find: () => Promise.resolve(null), create: () => Promise.resolve(app({ newSecret: secret })) } });
    expect(await store().createSamApp('SAM Desk')).toEqual(secret);
    expect(store()).toMatchObject({ samAppOrigin: 'created', wizardDraft: { clientId: appId } });
    expect(JSON.stringify(useSamDeskStore.getState())).not.toContain(secret.text);
  });

  it('creating under a name SAM Desk already used offers the app found instead of making a second one', async () => {
    const create = vi.fn(() => Promise.resolve(app()));
    installSamDesk({ samApp: { find: () => Promise.resolve(app()), create } });
    expect(await store().createSamApp('SAM Desk')).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
    expect(store().samAppMatch).toMatchObject({ displayName: 'SAM Desk', app: { app: { appId } } });
    store().adoptFoundSamApp();
    expect(store()).toMatchObject({ samAppOrigin: 'found', wizardDraft: { clientId: appId } });
  });

  it('looking for an app by name asks only once signed in, and only once per name; a failed look is no error', async () => {
    const find = vi.fn(() => Promise.resolve(null));
    installSamDesk({ samApp: { find } });
    await store().lookForSamApp('SAM Desk');
    expect(find).not.toHaveBeenCalled();
    useSamDeskStore.setState({ adminUser: 'admin@partner.example' });
    await store().lookForSamApp(' SAM Desk ');
    await store().lookForSamApp('SAM Desk');
    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith({ displayName: 'SAM Desk' });
    installSamDesk({ samApp: { find: () => Promise.reject(refusal('Graph down.')) } });
    await store().lookForSamApp('Other');
    expect(store().wizardError).toBeNull();
  });

  it('checking sends the typed secret only when there is one; a refused check shows the reason and keeps no result', async () => {
    const validate = vi.fn(() => Promise.resolve(app()));
    installSamDesk({ samApp: { validate } });
    store().updateDraft({ clientId: appId });
    await store().checkSamApp();
    await store().checkSamApp('typed-secret');
    expect(validate.mock.calls).toEqual([[{ clientId: appId }], [{ clientId: appId, clientSecret: 'typed-secret' }]]);
    expect(store().samAppOrigin).toBe('checked');
    useSamDeskStore.setState({ samApp: null });
    installSamDesk({ samApp: { validate: () => Promise.reject(refusal('AADSTS7000215: invalid client secret.')) } });
    await store().checkSamApp('wrong');
    expect(store()).toMatchObject({ samApp: null, wizardError: { message: 'AADSTS7000215: invalid client secret.' } });
  });

  it('fixing the app returns a new secret without keeping it', async () => {
    installSamDesk({ samApp: { fix: () => Promise.resolve(app({ newSecret: secret })) } });
    store().updateDraft({ clientId: appId });
    expect(await store().fixSamApp()).toEqual(secret);
    expect(store().samApp).toEqual(app());
  });
});
