import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { SecretClient } from '@azure/keyvault-secrets';
import { createHttpClient, readJson } from '../../electron/core/http/httpClient';
import type { SimInfo } from '../sim';
import { simCa } from './environment';

/**
 * Microsoft's SecretClient pointed at the simulated vault, as a teammate's tool or runbook would
 * use it: the simulator's CA trusted, and (only because the vault is path-based under 127.0.0.1)
 * the challenge's resource-host check off.
 */
export function simSecretClient(sim: SimInfo, credential: TokenCredential, vaultUrl = sim.keyVaultUrl): SecretClient {
  return new SecretClient(vaultUrl, credential, {
    disableChallengeResourceVerification: true,
    tlsOptions: { ca: [...rootCertificates, readFileSync(sim.caFile, 'utf8')] },
    retryOptions: { maxRetries: 0 },
  });
}

/**
 * What a team's runbook does with the SAM refresh token it reads from the vault: redeems it on the
 * v2 token endpoint (for Key Vault here, so it can write back) and keeps the rotated one.
 */
export class RunbookCredential implements TokenCredential {
  constructor(
    private readonly sim: SimInfo,
    public refreshToken: string,
    private readonly clientSecret?: string,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const http = createHttpClient({ extraCa: simCa(this.sim) });
    const form = new URLSearchParams({
      client_id: this.sim.samAppId,
      grant_type: 'refresh_token',
      refresh_token: this.refreshToken,
      scope: `${(Array.isArray(scopes) ? scopes : [scopes]).join(' ')} offline_access`,
    });
    if (this.clientSecret) form.set('client_secret', this.clientSecret);
    const response = await http.send({
      method: 'POST',
      url: `${this.sim.url}/${options?.tenantId ?? this.sim.partnerTenantId}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const body = readJson<{ access_token?: string; refresh_token?: string; expires_in?: number; error?: string }>(response);
    if (!body?.access_token || !body.refresh_token) throw new Error(`The runbook's redemption failed: ${body?.error ?? response.status}`);
    this.refreshToken = body.refresh_token;
    return { token: body.access_token, expiresOnTimestamp: Date.now() + Number(body.expires_in ?? 3600) * 1000 };
  }
}

/** Calls a loopback-only /_sim control with JSON. */
export async function simControl(sim: SimInfo, path: string, body?: unknown): Promise<unknown> {
  const http = createHttpClient({ extraCa: simCa(sim) });
  const response = await http.send({
    method: body === undefined ? 'GET' : 'POST',
    url: `${sim.url}${path}`,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${response.body}`);
  return JSON.parse(response.body);
}
