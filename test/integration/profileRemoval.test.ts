import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/app/handlers';
import { profileFiles } from '../../electron/core/profiles/profileFiles';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

describe('removing a profile', () => {
  const setup = useSimulatedApp({ cloud: { customers: 3 } });

  it('leaves no file and no keychain entry of it behind: customer list and its first screen, access check, readiness results, tokens, secret', async () => {
    const services = setup.newServices();
    const handlers = createHandlers(services);
    const profile = await signedInProfile(setup.sim, services, 'p-removed', { confidential: true });
    const kept = await signedInProfile(setup.sim, services, 'p-kept');
    for (const { id } of [profile, kept]) {
      await handlers['tenants.list']({ profileId: id, refresh: true });
      await handlers['accessCheck.run']({ profileId: id, resources: ['graph'], concurrency: 2 });
      await handlers['probes.run']({ profileId: id, resources: ['graph'], concurrency: 2 });
    }
    await services.customers.written(profile.id);
    const files = () => readdirSync(setup.isolated.environment.home);
    const own = Object.values(profileFiles(setup.isolated.environment.home, profile.id)).map((file) => basename(file));
    expect(files().filter((name) => name.includes(profile.id)).sort()).toEqual(own.sort());

    await handlers['profiles.remove']({ profileId: profile.id });
    expect(files().filter((name) => name.includes(profile.id))).toEqual([]);
    expect((await setup.isolated.keychain.entries()).filter(({ account }) => account.includes(profile.id))).toEqual([]);
    // The other profile keeps all of its own.
    expect(files().filter((name) => name.includes(kept.id))).toHaveLength(own.length);
    expect((await services.profiles.list()).map((p) => p.id)).toEqual([kept.id]);
  });
});
