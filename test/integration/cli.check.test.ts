import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckEntry } from '../../electron/cli/commands/check';
import { parseCustomersFile } from '../sim/customersFile';
import { runCli } from '../support/cli';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

const customersFile = JSON.stringify([
  { id: 'c0000000-0000-4000-8000-000000000001', name: 'Alder Mail', domain: 'aldermail.onmicrosoft.com', relationship: 'GDAP', gdapRoles: ['Exchange Administrator', 'Global Reader'], azureSubscriptions: 1 },
  { id: 'c0000000-0000-4000-8000-000000000002', name: 'Beech Readers', domain: 'beechreaders.onmicrosoft.com', relationship: 'GDAP', gdapRoles: ['Global Reader'], azureSubscriptions: 0 },
]);

/** `samdesk check` as a person or a scheduler runs it, in its own process, against the simulated cloud. */
describe('samdesk check', () => {
  const setup = useSimulatedApp({ cloud: { customers: parseCustomersFile(customersFile) } });
  const samdesk = (...args: string[]) => runCli(args, setup.isolated.variables);

  beforeAll(async () => {
    await signedInProfile(setup.sim, setup.newServices());
  });

  it('--json prints one entry per customer and module, ready true/false/null with reason and fix, and exits 0 whatever it found', async () => {
    const run = await samdesk('check', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as CheckEntry[];
    expect(entries).toHaveLength(2 * 4);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(['customerName', 'fix', 'module', 'ready', 'reason', 'tenantId']);
    const of = (name: string, module: string) => entries.find((entry) => entry.customerName === name && entry.module === module)!;
    expect(of('Alder Mail', 'exchange')).toMatchObject({ ready: true, fix: null });
    expect(of('Beech Readers', 'exchange')).toMatchObject({ ready: false, reason: expect.stringContaining('you need Exchange Administrator') });
    expect(of('Beech Readers', 'az')).toMatchObject({ ready: false, reason: 'Azure Resource Manager lists no subscription you hold an Azure role on in this customer.' });
  });

  it('--module and --customer (by domain) narrow it; the text form is a matrix and then each reason with its fix', async () => {
    const run = await samdesk('check', '--module', 'exchange', '--module', 'exchange-legacy', '--customer', 'beechreaders.onmicrosoft.com');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Customer\s+Exchange Online\s+Exchange remote PowerShell session$/);
    expect(lines[1]).toMatch(/^Beech Readers\s+NOT READY\s+NOT READY$/);
    expect(run.stdout).toContain('Beech Readers · Exchange Online: Here you hold Global Reader');
    expect(run.stdout).toContain('Fix: Use the Exchange Online snippet (Connect-ExchangeOnline) instead.');
  });

  it('refuses an unknown module or customer with a usage error (exit 2) naming the choices', async () => {
    const module = await samdesk('check', '--module', 'teams');
    expect(module.status).toBe(2);
    expect(module.stderr).toMatch(/Unknown module “teams”: use --module az\|graph\|exchange\|partnercenter/);
    const customer = await samdesk('check', '--customer', 'nobody.onmicrosoft.com');
    expect(customer.status).toBe(2);
  });
});
