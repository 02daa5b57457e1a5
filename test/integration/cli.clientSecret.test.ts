import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { createServices, type Services } from '../../electron/core/app/services';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';
import { signedInProfile } from '../support/signedInProfile';
import { runCli } from '../support/cli';

const unusedOpener = {
  open: () => {
    throw new Error('no sign-in window in this test');
  },
};

/**
 * `samdesk client-secret --reveal`, the command the script snippets name for filling the
 * SecretManagement vault's SAMDesk-ClientSecret: a confidential profile (consented as SAM Desk's
 * wizard does, with the app's secret kept in the real keychain) gets its secret printed, with a warning.
 */
describe('samdesk client-secret', () => {
  let sim: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let services: Services;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 4 });
    isolated = isolatedEnvironment(sim);
    services = createServices(isolated.environment, { opener: unusedOpener });
    await signedInProfile(sim, services, 'p-confidential', { confidential: true });
  });

  afterAll(async () => {
    await isolated?.cleanUp();
    await sim?.stop();
  });

  it('prints the SAM app’s stored client secret only with --reveal, the warning on stderr, for Set-Secret', async () => {
    const refused = await runCli(['client-secret'], isolated.variables);
    expect(refused).toMatchObject({ status: 2, stdout: '' });

    const revealed = await runCli(['client-secret', '--reveal'], isolated.variables);
    expect(revealed.stderr).toMatch(/^samdesk: warning: this is the client secret of the SAM app/);
    expect(revealed.status).toBe(0);
    const stored = await services.vault.get(vaultAccounts.clientSecret('p-confidential'));
    expect(stored).toBeTruthy();
    expect(revealed.stdout.trim()).toBe(stored);
  });
});
