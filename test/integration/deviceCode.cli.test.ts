import { describe, expect, it } from 'vitest';
import type { IsolatedEnvironment } from '../support/environment';
import { runBuiltCli } from '../support/cli';
import { useSimulatedApp } from '../support/simulatedApp';

/** `node bin/samdesk.js` (built by `npx electron-vite build`) with the isolated environment. */
const samdesk = (isolated: IsolatedEnvironment, args: string[]) => runBuiltCli(args, isolated.variables);

describe('samdesk consent --device-code', () => {
  const setup = useSimulatedApp({ cloud: { customers: 5, autoApprove: true, deviceCodeIntervalSeconds: 1 } });

  it('prints the code and the page, waits, and stores the refresh token in the keychain', async () => {
    const result = await samdesk(setup.isolated, ['consent', '--device-code', '--tenant', setup.sim.partnerDomain, '--client-id', setup.sim.samAppId, '--name', 'Northwind']);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`open ${setup.sim.url}/devicelogin and enter the code [A-Z0-9]{9}`));
    expect(result.stdout).toContain(`Signed in as ${setup.sim.user}`);
    // No redirect in device code: the SAM app signs in as a public client, and its token is one.
    expect(result.stdout).toContain('a device-code sign-in gives a public-client refresh token, which a password change or reset revokes');
    const [account] = await setup.isolated.keychain.entries();
    expect(account?.account).toMatch(/^p-[a-z0-9]+\/refresh-token$/);
    expect(result.stdout).not.toContain(account!.password);
  }, 60_000);

  it('re-consents an existing profile by name', async () => {
    const result = await samdesk(setup.isolated, ['consent', '--device-code', '--profile', 'Northwind']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('under profile “Northwind”');
  }, 60_000);

  it('exits non-zero with the plain-language error when Microsoft says no', async () => {
    const result = await samdesk(setup.isolated, ['consent', '--device-code', '--tenant', 'nosuchtenant.onmicrosoft.com', '--client-id', setup.sim.samAppId]);
    expect(result.status).toBe(6);
    expect(result.stderr).toMatch(/^samdesk: That tenant does not exist\. Check the tenant id or domain for typos\. \(AADSTS90002\)\n$/);
  }, 60_000);

  it('says plainly that public client flows are off when the SAM app refuses device code (AADSTS7000218)', async () => {
    const seeded = setup.sim.state.findApp(setup.sim.samAppId)!;
    seeded.isFallbackPublicClient = false;
    try {
      const result = await samdesk(setup.isolated, ['consent', '--device-code', '--tenant', setup.sim.partnerDomain, '--client-id', setup.sim.samAppId, '--name', 'Off']);
      expect(result.status).toBe(6);
      expect(result.stderr).toMatch(/^samdesk: Device-code sign-in is switched off for this SAM app \(“Allow public client flows” is No\)\. .*\(AADSTS7000218\)\n$/);
    } finally {
      seeded.isFallbackPublicClient = true;
    }
  }, 60_000);

  it('says how to use it when --device-code is missing', async () => {
    const result = await samdesk(setup.isolated, ['consent', '--profile', 'Northwind']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('add --device-code');
  });
});
