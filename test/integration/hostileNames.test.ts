import { beforeAll, describe, expect, it } from 'vitest';
import { UNSAFE_TEXT } from '../../electron/ipc/displayText';
import { signedInProfile } from '../support/signedInProfile';
import { runCli } from '../support/cli';
import { useSimulatedApp } from '../support/simulatedApp';

/** A customer whose Partner Center name carries terminal escapes and a right-to-left override. */
const HOSTILE = { id: '0e0e0e0e-0000-4000-8000-000000000001', name: 'Evil \u001b]0;pwned\u0007Corp \u202egpj.exe', domain: 'evilcorp.onmicrosoft.com', relationship: 'DAP' as const };

describe('hostile customer names reach no screen, terminal or notification as they are', () => {
  const setup = useSimulatedApp({
    cloud: { customers: [HOSTILE, { id: '0e0e0e0e-0000-4000-8000-000000000002', name: 'Plain Ltd', domain: 'plain.onmicrosoft.com', relationship: 'DAP' }] },
    handlers: { confirm: async () => true },
  });
  let profileId: string;

  beforeAll(async () => {
    profileId = (await signedInProfile(setup.sim, setup.services, 'p-hostile')).id;
  });

  it('the customer list, the consent screen and the CLI show the name without its control and bidi characters', async () => {
    const { customers } = await setup.handlers['tenants.list']({ profileId, refresh: true });
    const consents = await setup.handlers['customerConsent.list']({ profileId });
    const cli = await runCli(['customers'], setup.isolated.variables);
    expect(cli.status).toBe(0);
    const shown: Array<[string, string]> = [
      ['tenants.list', JSON.stringify(customers)],
      ['customerConsent.list', JSON.stringify(consents)],
      ['samdesk customers', cli.stdout + cli.stderr],
    ];
    for (const [where, text] of shown) {
      expect(text, where).toContain('Evil');
      // The CLI's own tabs and line breaks separate columns and rows; nothing else may remain.
      expect(text.replace(/[\t\n]/g, ''), where).not.toMatch(UNSAFE_TEXT);
    }
    expect(customers.find((customer) => customer.tenantId === HOSTILE.id)?.name).toBe('Evil Corp gpj.exe');
  });
});
