/**
 * `npm run demo [-- --reset]`: the simulated Microsoft cloud and SAM Desk against it, with its own
 * data folder and keychain service so a person's real profiles are never touched. It prints one
 * compact banner (where to open it, who to sign in as, how to get an MFA code, what to trust) and
 * answers in the terminal: Enter for the current MFA code, b and Enter for the banner again.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import keytar from 'keytar';
import { startSimulatedCloud, currentTotp, type SimulatedCloud } from '../test/sim';
import { startApp } from './launch';

const home = process.env.SAMDESK_HOME ?? join(process.cwd(), '.samdesk-dev', 'demo');
const keychainService = process.env.SAMDESK_KEYCHAIN_SERVICE ?? 'SAM Desk (demo)';

/** --reset: forget every demo profile, its cached lists and its keychain entries, then start clean. */
async function reset(): Promise<void> {
  const entries = await keytar.findCredentials(keychainService);
  for (const { account } of entries) await keytar.deletePassword(keychainService, account);
  rmSync(home, { recursive: true, force: true });
  process.stdout.write(`Reset: removed ${home} and ${entries.length} keychain entr${entries.length === 1 ? 'y' : 'ies'} of “${keychainService}”.\n`);
}

const secondsLeftInStep = () => 30 - (Math.floor(Date.now() / 1000) % 30);
const mfaLine = (sim: SimulatedCloud) => `MFA code    ${currentTotp(sim.totpSecret)}  (valid ${secondsLeftInStep()} s more; press Enter here for a new one)`;

function banner(sim: SimulatedCloud, customers: number, url: string | undefined): string {
  const ca = new X509Certificate(readFileSync(sim.caFile, 'utf8'));
  return [
    '',
    `SAM Desk demo: a simulated Microsoft cloud with ${customers} customer tenants (nothing here reaches Microsoft).`,
    '',
    `  Open        ${url ?? 'the SAM Desk window'}${url ? '   (browser harness: the Electron binary is not downloaded)' : ''}`,
    `  Sign in as  ${sim.user}`,
    `  Password    ${sim.password}`,
    `  ${mfaLine(sim)}`,
    `  Tenant      ${sim.partnerDomain}    SAM app ${sim.samAppId}`,
    // A confidential Web app, as SAM Desk creates them: "Use an existing app registration" needs its secret.
    `  App secret  ${sim.samAppSecret}   (for "Use an existing app registration")`,
    `  Certificate the simulator's pages use a CA made for this run (${sim.caFile}, SHA-256 ${ca.fingerprint256}).`,
    `              A browser warns about it; Chromium started with --ignore-certificate-errors-spki-list=${sim.spkiHash} accepts this run's server certificate alone.`,
    `  Data        ${home} and keychain service “${keychainService}” (npm run demo -- --reset forgets both).`,
    '              The simulated cloud starts empty each run: a profile from an earlier run needs a new sign-in.',
    '',
    'Enter: a fresh MFA code · b + Enter: this banner again · Ctrl+C: stop',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--reset')) await reset();
  const customers = Number(process.env.SAMDESK_DEMO_CUSTOMERS ?? 250);
  const sim = await startSimulatedCloud({ customers, autoApprove: true });
  const variables = { SAMDESK_CLOUD: sim.url, SAMDESK_CA_FILE: sim.caFile, SAMDESK_HOME: home, SAMDESK_KEYCHAIN_SERVICE: keychainService };
  const app = await startApp(variables, { suggestions: { partnerTenant: sim.partnerDomain, clientId: sim.samAppId } });
  process.stdout.write(banner(sim, customers, app.url));
  if (process.stdin.isTTY) {
    const input = createInterface({ input: process.stdin });
    input.on('line', (line) => process.stdout.write(line.trim().toLowerCase() === 'b' ? banner(sim, customers, app.url) : `${mfaLine(sim)}\n`));
    void app.ended.then(() => input.close());
  }
  await app.ended;
  await sim.stop();
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
