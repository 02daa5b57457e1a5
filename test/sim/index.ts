/**
 * The simulated Microsoft cloud: a real HTTPS server speaking the Microsoft identity platform's,
 * Partner Center's and Microsoft Graph's wire protocols. See README.md for the controls.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { generateTls } from './ca';
import { SimClock } from './clock';
import type { SimContext } from './http';
import { authorizeRoutes } from './routes/authorize';
import { azureResourceManagerRoutes } from './routes/azureResourceManager';
import { controlRoutes } from './routes/controls';
import { customerPolicyRoutes } from './routes/customerPolicies';
import { deviceCodeRoutes } from './routes/deviceCode';
import { exchangeAdminRoutes } from './routes/exchangeAdmin';
import { gdapRoutes } from './routes/gdap';
import { graphRoutes } from './routes/graph';
import { graphAppRoutes } from './routes/graphApps';
import { graphDirectoryRoutes } from './routes/graphDirectory';
import { graphGrantRoutes } from './routes/graphGrants';
import { identityRoutes } from './routes/identity';
import { keyVaultRoutes } from './routes/keyVault';
import { keyVaultControlRoutes } from './routes/keyVaultControls';
import { LoginStore, loginRoutes } from './routes/login';
import { partnerCenterRoutes } from './routes/partnerCenter';
import { RequestLog, runningClouds } from './requestLog';
import { seedState, type CustomerSeed } from './seed';
import { seedAzure, SEEDED_VAULT_NAME } from './seedAzure';
import { startServer } from './server';
import { SimState } from './state';
import { TokenService } from './tokens';

export type { CustomerSeed } from './seed';
export { SimState } from './state';
export { RequestLog, runningClouds } from './requestLog';

export interface SimOptions {
  port?: number;
  customers?: number | CustomerSeed[];
  autoApprove?: boolean;
  /** Device-code polling interval announced to clients; default 5. */
  deviceCodeIntervalSeconds?: number;
  /** Where caFile is written; default a fresh temp dir. */
  dataDir?: string;
  /** Seed for the deterministic data; default 1. */
  seed?: number;
  /** Receives one line per request (the CLI sends them to stderr). */
  log?: (line: string) => void;
}

export interface SimInfo {
  url: string;
  caFile: string;
  spkiHash: string;
  partnerTenantId: string;
  partnerDomain: string;
  user: string;
  password: string;
  totpSecret: string;
  samAppId: string;
  samAppSecret: string;
  /** The seeded key vault's data plane (path-based; its ids name https://{vault}.vault.azure.net). */
  keyVaultUrl: string;
}

export interface SimulatedCloud extends SimInfo {
  stop(): Promise<void>;
  state: SimState;
  /** What it answered, for a failing test's artifacts (test-results/sim-logs). */
  requestLog: RequestLog;
}

export async function startSimulatedCloud(options: SimOptions = {}): Promise<SimulatedCloud> {
  const tls = generateTls();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'samdesk-sim-'));
  mkdirSync(dataDir, { recursive: true });
  const caFile = join(dataDir, 'sim-ca.pem');
  writeFileSync(caFile, tls.caPem);

  const clock = new SimClock();
  const state = new SimState();
  const secrets = seedState(state, options.customers ?? 250, options.seed ?? 1, clock.nowMs());
  seedAzure(state, options.seed ?? 1);
  // Routes are built before the port (and so the url) is known; they read the context once it is ready.
  const ready: { sim?: SimContext; info?: SimInfo } = {};

  const requestLog = new RequestLog();
  const log = (line: string) => {
    requestLog.add(line);
    options.log?.(line);
  };
  const running = await startServer(
    tls,
    options.port ?? 0,
    () => [
      ...keyVaultRoutes(), ...azureResourceManagerRoutes(),
      ...identityRoutes(), ...authorizeRoutes(), ...loginRoutes(), ...deviceCodeRoutes(), ...partnerCenterRoutes(),
      ...gdapRoutes(), ...graphRoutes(), ...graphAppRoutes(), ...graphGrantRoutes(), ...graphDirectoryRoutes(), ...exchangeAdminRoutes(),
      ...keyVaultControlRoutes(), ...controlRoutes(() => ready.info), ...customerPolicyRoutes(),
    ],
    () => ready.sim!,
    log,
  );
  const url = `https://127.0.0.1:${running.port}`;
  ready.sim = {
    state,
    clock,
    tokens: new TokenService(url),
    baseUrl: url,
    secrets,
    autoApprove: !!options.autoApprove,
    deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds ?? 5,
    login: new LoginStore(),
  };
  const info: SimInfo = {
    url,
    caFile,
    spkiHash: tls.spkiHash,
    partnerTenantId: state.partner.id,
    partnerDomain: state.partner.domain,
    ...secrets,
    keyVaultUrl: `${url}/keyvault/${SEEDED_VAULT_NAME}/`,
  };
  ready.info = info;
  const cloud: SimulatedCloud = {
    ...info,
    state,
    requestLog,
    stop: async () => {
      runningClouds.delete(cloud);
      await running.stop();
    },
  };
  runningClouds.add(cloud);
  return cloud;
}

/** The 6-digit TOTP code for now (SHA1, 30 s), as an authenticator app would show it. */
export function currentTotp(totpSecret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(totpSecret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}
