import { readFileSync } from 'node:fs';
import { createHttpClient, readJson } from '../../electron/core/http/httpClient';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import type { Services } from '../../electron/core/app/services';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { SimInfo } from '../sim';

/**
 * A consented profile without a browser: the partner admin signs in with the device-code flow
 * (approved through the simulator's /_sim/device/approve control) and the refresh token goes
 * into the keychain, as the consent wizard would leave it. For tests and benchmarks whose subject
 * is what comes after consent.
 */
export async function signedInProfile(sim: SimInfo, services: Pick<Services, 'profiles' | 'vault'>, id = 'p-bench'): Promise<ProfileRecord> {
  const http = createHttpClient({ extraCa: readFileSync(sim.caFile, 'utf8') });
  const post = async (path: string, body: Record<string, string>, json = false) => {
    const response = await http.send({
      method: 'POST',
      url: `${sim.url}${path}`,
      headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
    });
    return readJson<Record<string, string>>(response) ?? {};
  };
  const code = await post(`/${sim.partnerTenantId}/oauth2/v2.0/devicecode`, {
    client_id: sim.samAppId,
    scope: 'https://api.partnercenter.microsoft.com/.default offline_access',
  });
  await post('/_sim/device/approve', { userCode: code.user_code! }, true);
  const tokens = await post(`/${sim.partnerTenantId}/oauth2/v2.0/token`, {
    client_id: sim.samAppId,
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    device_code: code.device_code!,
  });
  if (!tokens.refresh_token) throw new Error(`The simulator returned no refresh token: ${tokens.error ?? 'unknown'}`);
  const now = new Date().toISOString();
  const profile: ProfileRecord = {
    id,
    name: sim.partnerDomain,
    cloud: 'custom',
    partnerTenantId: sim.partnerTenantId,
    clientId: sim.samAppId,
    hasClientSecret: false,
    user: sim.user,
    mfa: true,
    issuedAt: now,
    lastRedeemedAt: now,
  };
  await services.vault.set(vaultAccounts.refreshToken(id), tokens.refresh_token);
  await services.profiles.upsert(profile);
  return profile;
}
