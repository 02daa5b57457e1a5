import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { SimulatedCloud } from '../sim';
import { runBuiltCli } from '../support/cli';
import { loadPowerShellGrammar, parsePowerShell, syntaxProblems } from '../unit/powershellSyntax';
import { useSimulatedApp } from '../support/simulatedApp';

await loadPowerShellGrammar();

/**
 * `samdesk token`, `snippet` and `refresh-token` as a scheduler would run them: `node bin/samdesk.js`
 * (built by `npx electron-vite build`) against the simulated cloud, with a profile consented by the
 * CLI's own device-code sign-in (the simulator approves the first poll, with MFA).
 */
describe('the samdesk token, snippet and refresh-token commands', () => {
  const setup = useSimulatedApp({ cloud: { customers: 12, autoApprove: true, deviceCodeIntervalSeconds: 1 } });
  let customer: SimulatedCloud['state']['customers'][number];

  const samdesk = (...args: string[]) => runBuiltCli(args, setup.isolated.variables);

  beforeAll(async () => {
    if (!existsSync(join('out', 'main', 'cli.js'))) throw new Error('The CLI is not built: run npx electron-vite build first.');
    const consent = await samdesk('consent', '--device-code', '--tenant', setup.sim.partnerDomain, '--client-id', setup.sim.samAppId);
    expect(consent.stderr).toBe('');
    expect(consent.status).toBe(0);
    customer = setup.sim.state.customers.find((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId))!;
  });

  it('prints an access token for a customer named by its domain, and JSON with --json', async () => {
    const plain = await samdesk('token', '--tenant', customer.domain, '--resource', 'graph');
    expect(plain.status).toBe(0);
    expect(decodeJwt(plain.stdout.trim())).toMatchObject({ aud: 'https://graph.microsoft.com', tid: customer.id });

    const json = await samdesk('token', '--tenant', customer.id, '--resource', 'azure', '--json');
    const parsed = JSON.parse(json.stdout) as { accessToken: string; expiresAt: string; tenantId: string; resource: string };
    expect(parsed).toMatchObject({ tenantId: customer.id, resource: 'azure' });
    expect(decodeJwt(parsed.accessToken)).toMatchObject({ aud: 'https://management.azure.com', tid: customer.id });
    expect(new Date(parsed.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('prints a paste-mode snippet holding a token for the customer, and a script-mode one holding none', async () => {
    const paste = await samdesk('snippet', '--tenant', customer.domain, '--module', 'exchange');
    expect(paste.status).toBe(0);
    expect(syntaxProblems(parsePowerShell(paste.stdout))).toEqual([]);
    const token = /-AccessToken '([^']+)'/.exec(paste.stdout)?.[1];
    expect(decodeJwt(token!)).toMatchObject({ aud: 'https://outlook.office365.com', tid: customer.id });
    expect(paste.stdout).toContain(`-DelegatedOrganization '${customer.domain}'`);

    const script = await samdesk('snippet', '--tenant', customer.id, '--module', 'graph', '--mode', 'script');
    expect(script.status).toBe(0);
    expect(syntaxProblems(parsePowerShell(script.stdout))).toEqual([]);
    expect(script.stdout).toContain(`Get-SamDeskAccessToken -TenantId '${customer.id}'`);
    expect(script.stdout).not.toMatch(/eyJ/);

    const all = await samdesk('snippet', '--module', 'az', '--mode', 'all-customers');
    expect(all.status).toBe(0);
    expect(all.stdout).toContain(`TenantId = '${customer.id}'`);
  });

  it('reveals the refresh token only with --reveal, warning on stderr', async () => {
    const refused = await samdesk('refresh-token');
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/--reveal/);

    const revealed = await samdesk('refresh-token', '--reveal');
    expect(revealed.status).toBe(0);
    const [account] = await setup.isolated.keychain.entries().then((all) =>
      all.filter((entry) => entry.account.endsWith('/refresh-token')),
    );
    expect(revealed.stdout.trim()).toBe(account!.password);
    expect(revealed.stderr).toMatch(/warning: this refresh token acts as/);
  });

  it('client-secret asks for --reveal, and for a public-client profile says it keeps no secret instead of printing one', async () => {
    const refused = await samdesk('client-secret');
    expect(refused).toMatchObject({ status: 2, stdout: '' });
    expect(refused.stderr).toMatch(/Set-Secret -Name SAMDesk-ClientSecret -Secret \(samdesk client-secret --reveal\)/);
    // The CLI's device-code consent makes a public-client profile: there is no secret to reveal.
    const none = await samdesk('client-secret', '--reveal');
    expect(none).toMatchObject({ status: 2, stdout: '' });
    expect(none.stderr).toMatch(/keeps no client secret/);
  });

  it('answers each kind of failure with its own exit code and a plain message', async () => {
    const unknownDomain = await samdesk('token', '--tenant', 'nobody.example.com', '--resource', 'graph');
    expect(unknownDomain).toMatchObject({ status: 2, stdout: '' });
    expect(unknownDomain.stderr).toMatch(/No customer with the domain “nobody\.example\.com”.*samdesk customers --refresh/);

    const badModule = await samdesk('snippet', '--tenant', customer.id, '--module', 'skype');
    expect(badModule.status).toBe(2);
    expect(badModule.stderr).toMatch(/Unknown module “skype”.*az\|graph\|exchange/);

    setup.sim.state.setConsent(customer.id, setup.sim.samAppId, false);
    const notConsented = await samdesk('token', '--tenant', customer.id, '--resource', 'graph');
    expect(notConsented.status).toBe(6);
    expect(notConsented.stderr).toMatch(/AADSTS65001/);
    expect(notConsented.stderr).not.toMatch(/eyJ|0\.A/);
    setup.sim.state.setConsent(customer.id, setup.sim.samAppId, true);
  });
});
