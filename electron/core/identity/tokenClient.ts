import type { CloudEndpoints, ResourceName } from '../../shared/cloud';
import { readJson, type HttpClient } from '../http/httpClient';
import { isAadstsErrorBody, MicrosoftIdentityError } from './aadsts';

export interface RedeemRequest {
  clientId: string;
  clientSecret?: string;
  refreshToken: string;
  /** The customer (or partner) tenant the access token is for. */
  tenantId: string;
  resource: ResourceName;
  signal?: AbortSignal;
}

export interface RedeemedTokens {
  accessToken: string;
  /** Every redemption returns a new refresh token; it must be stored. */
  refreshToken: string;
  expiresAt: Date;
  scope: string;
}

interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number | string;
  scope?: string;
}

/**
 * Trades a refresh token for an access token to one resource in one tenant (the v2 token
 * endpoint, `scope={resource}/.default`, authority = the customer tenant). MSAL keeps rotated
 * refresh tokens to itself, so this one request is made directly: the rotated token must be kept.
 */
export class TokenClient {
  constructor(
    /** Where it redeems: the keeper redeems only the profiles bound to this cloud. */
    readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async redeem(request: RedeemRequest): Promise<RedeemedTokens> {
    const form = new URLSearchParams({
      client_id: request.clientId,
      grant_type: 'refresh_token',
      refresh_token: request.refreshToken,
      scope: `${this.cloud.resources[request.resource]}/.default offline_access`,
    });
    if (request.clientSecret) form.set('client_secret', request.clientSecret);
    const startedAt = this.now();
    const response = await this.http.send({
      method: 'POST',
      url: `${this.cloud.loginHost}/${encodeURIComponent(request.tenantId)}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: request.signal,
      // Safe to send twice: an unused rotated refresh token does not invalidate the one we sent.
      retrySafe: true,
    });
    const body = readJson<TokenResponse>(response);
    if (response.status !== 200 || !body?.access_token) {
      if (isAadstsErrorBody(body)) throw new MicrosoftIdentityError(body, response.status);
      throw new MicrosoftIdentityError(
        { error: 'unexpected_response', error_description: `The token endpoint answered HTTP ${response.status}.` },
        response.status,
      );
    }
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? request.refreshToken,
      expiresAt: new Date(startedAt.getTime() + Number(body.expires_in) * 1000),
      scope: body.scope ?? '',
    };
  }
}
