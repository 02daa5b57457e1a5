/**
 * What the floors are measured with: a client that does nothing but the protocol (no gate, no
 * keychain, no merging), over the same HTTP client the app uses and trusting the simulator the same
 * way, so that the floor is what the simulated Microsoft itself allows in this run.
 */
import type { CloudEndpoints, ResourceName } from '../electron/shared/cloud';
import { createHttpClient, type HttpClient } from '../electron/core/http/httpClient';

export function bareClient(): HttpClient {
  return createHttpClient({ retry: { attempts: 1 } });
}

/** One refresh-token redemption as the v2 token endpoint takes it (a public client: no secret). */
export async function bareRedeem(http: HttpClient, cloud: CloudEndpoints, clientId: string, refreshToken: string, tenantId: string, resource: ResourceName): Promise<number> {
  const response = await http.send({
    method: 'POST',
    url: `${cloud.loginHost}/${tenantId}/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: clientId, grant_type: 'refresh_token', refresh_token: refreshToken, scope: `${cloud.resources[resource]}/.default offline_access` }).toString(),
  });
  return response.status;
}
