/**
 * `npm run demo`: the simulated Microsoft cloud and SAM Desk against it, with its own data
 * folder and keychain service so a person's real profiles are never touched.
 */
import { join } from 'node:path';
import { startSimulatedCloud, currentTotp } from '../test/sim';
import { launch } from './launch';

async function main(): Promise<void> {
  const customers = Number(process.env.SAMDESK_DEMO_CUSTOMERS ?? 250);
  const sim = await startSimulatedCloud({ customers, autoApprove: true });
  const variables = {
    SAMDESK_CLOUD: sim.url,
    SAMDESK_CA_FILE: sim.caFile,
    SAMDESK_HOME: process.env.SAMDESK_HOME ?? join(process.cwd(), '.samdesk-dev', 'demo'),
    SAMDESK_KEYCHAIN_SERVICE: process.env.SAMDESK_KEYCHAIN_SERVICE ?? 'SAM Desk (demo)',
  };
  process.stdout.write(
    [
      `Simulated Microsoft cloud at ${sim.url} with ${customers} customer tenants.`,
      `  Its pages use a certificate from a CA made for this run (${sim.caFile}); a browser will warn about it.`,
      `  Partner tenant  ${sim.partnerDomain}`,
      `  Sign in as      ${sim.user}`,
      `  Password        ${sim.password}`,
      `  SAM app id      ${sim.samAppId}`,
      // A confidential Web app, as SAM Desk creates them: "Use an existing app registration" needs its secret.
      `  SAM app secret  ${sim.samAppSecret}`,
      `  MFA code        printed below every 30 s (the authenticator app of this demo)`,
      '',
    ].join('\n'),
  );
  const ticker = setInterval(() => process.stdout.write(`MFA code: ${currentTotp(sim.totpSecret)}\n`), 30_000);
  process.stdout.write(`MFA code: ${currentTotp(sim.totpSecret)}\n`);
  await launch(variables, { suggestions: { partnerTenant: sim.partnerDomain, clientId: sim.samAppId } });
  clearInterval(ticker);
  await sim.stop();
}

void main().then(() => process.exit(0));
