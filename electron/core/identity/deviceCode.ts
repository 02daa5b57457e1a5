import type { CloudEndpoints, ResourceName } from '../../shared/cloud';
import { NetworkError, readJson, type HttpClient } from '../http/httpClient';
import type { ProfileRecord, ProfileStore } from '../profiles/profileStore';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { isAadstsErrorBody, MicrosoftIdentityError } from './aadsts';
import type { ConsentService } from './consent';
import { readClaims } from './jwt';
import { SignInCancelledError } from './loopback';
import { UnknownProfileError } from './refreshTokens';

/** Microsoft's Exchange Online PowerShell public client; it signs in by device code. */
export const EXCHANGE_POWERSHELL_APP_ID = 'a0c73c16-a7e3-4564-9a95-2bdf47383716';
/** RFC 8628 §3.5: each slow_down adds five seconds to the polling interval. */
const SLOW_DOWN_STEP_SECONDS = 5;

/** What the person must do: open the page and type the code. */
export interface DeviceCodePrompt {
  userCode: string;
  verificationUri: string;
  expiresAt: Date;
  intervalSeconds: number;
}

export interface DeviceCodeGrant extends DeviceCodePrompt {
  tenant: string;
  clientId: string;
  /** Secret-like: it is what gets redeemed; it never leaves main. */
  deviceCode: string;
}

export interface DeviceCodeTokens {
  accessToken: string;
  refreshToken: string;
  idToken?: string;
  expiresAt: Date;
  scope: string;
}

interface DeviceAuthorizationResponse {
  user_code: string;
  device_code: string;
  verification_uri?: string;
  verification_url?: string;
  expires_in: number | string;
  interval?: number | string;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number | string;
  scope?: string;
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * The device authorization grant (RFC 8628) against the v2 endpoints, done directly rather than
 * through MSAL so the refresh token comes back to us and every poll honours the server's interval
 * and slow_down.
 */
export class DeviceCodeFlow {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly now: () => Date = () => new Date(),
    private readonly sleep: Sleep = abortableSleep,
  ) {}

  async begin(tenant: string, clientId: string, resource: ResourceName, signal?: AbortSignal): Promise<DeviceCodeGrant> {
    const response = await this.http.send({
      method: 'POST',
      url: `${this.cloud.loginHost}/${encodeURIComponent(tenant)}/oauth2/v2.0/devicecode`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ client_id: clientId, scope: this.scope(resource) }).toString(),
      signal,
    });
    const body = readJson<DeviceAuthorizationResponse>(response);
    if (response.status !== 200 || !body?.device_code) throw identityError(body, response.status);
    return {
      tenant,
      clientId,
      deviceCode: body.device_code,
      userCode: body.user_code,
      verificationUri: body.verification_uri ?? body.verification_url ?? '',
      expiresAt: new Date(this.now().getTime() + Number(body.expires_in) * 1000),
      intervalSeconds: Math.max(1, Number(body.interval ?? 5)),
    };
  }

  /** Polls until the person signs in, declines, or the code expires; `signal` cancels. */
  async poll(grant: DeviceCodeGrant, signal: AbortSignal): Promise<DeviceCodeTokens> {
    let intervalSeconds = grant.intervalSeconds;
    for (;;) {
      await this.sleep(intervalSeconds * 1000, signal);
      const startedAt = this.now();
      if (startedAt > grant.expiresAt) {
        throw new MicrosoftIdentityError({ error: 'expired_token', error_description: 'AADSTS70019: Verification code expired.', error_codes: [70019] }, undefined, 'device-code');
      }
      const response = await this.http.send({
        method: 'POST',
        url: `${this.cloud.loginHost}/${encodeURIComponent(grant.tenant)}/oauth2/v2.0/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
          client_id: grant.clientId,
          device_code: grant.deviceCode,
        }).toString(),
        signal,
      });
      const body = readJson<TokenResponse & { error?: string }>(response);
      if (response.status === 200 && body?.access_token && body.refresh_token) {
        return {
          accessToken: body.access_token,
          refreshToken: body.refresh_token,
          idToken: body.id_token,
          expiresAt: new Date(startedAt.getTime() + Number(body.expires_in ?? 3600) * 1000),
          scope: body.scope ?? '',
        };
      }
      if (body?.error === 'authorization_pending') continue;
      if (body?.error === 'slow_down') {
        intervalSeconds += SLOW_DOWN_STEP_SECONDS;
        continue;
      }
      throw identityError(body, response.status);
    }
  }

  private scope(resource: ResourceName): string {
    return `${this.cloud.resources[resource]}/.default offline_access openid profile`;
  }
}

/** Who signed in, from the tokens a device-code sign-in returned. */
export function signedInAs(tokens: DeviceCodeTokens): { user: string; tenantId: string; mfa: boolean } {
  const claims = { ...readClaims(tokens.idToken ?? ''), ...readClaims(tokens.accessToken) };
  return {
    user: claims.preferred_username ?? claims.upn ?? claims.unique_name ?? 'unknown user',
    tenantId: claims.tid ?? '',
    mfa: Array.isArray(claims.amr) && claims.amr.includes('mfa'),
  };
}

/** What a device-code sign-in is for: the SAM consent itself, or Exchange Online PowerShell for a profile. */
export type DeviceCodePurpose =
  | { kind: 'sam'; partnerTenant: string; clientId: string; profileName?: string }
  | { kind: 'exchange'; profileId: string };

export interface DeviceCodeOutcome {
  user: string;
  mfa: boolean;
  profile: ProfileRecord;
}

/**
 * One device-code sign-in at a time, split in two calls so a window can show the code while main
 * polls: `start` returns the code to show, `wait` resolves once the tokens are in the keychain.
 */
export class DeviceCodeSignIns {
  private pending: { abort: AbortController; outcome: Promise<DeviceCodeOutcome> } | undefined;

  constructor(
    private readonly flow: DeviceCodeFlow,
    private readonly consent: ConsentService,
    private readonly vault: SecretVault,
    private readonly profiles: ProfileStore,
  ) {}

  async start(purpose: DeviceCodePurpose): Promise<DeviceCodePrompt> {
    this.cancel();
    const abort = new AbortController();
    const target = await this.target(purpose);
    const grant = await this.flow.begin(target.tenant, target.clientId, target.resource, abort.signal);
    const outcome = this.flow.poll(grant, abort.signal).then(
      (tokens) => this.keep(purpose, tokens),
      (error: unknown) => {
        throw abort.signal.aborted ? new SignInCancelledError('The device-code sign-in was cancelled.') : error;
      },
    );
    outcome.catch(() => undefined); // reported through wait(); never an unhandled rejection
    this.pending = { abort, outcome };
    const { userCode, verificationUri, expiresAt, intervalSeconds } = grant;
    return { userCode, verificationUri, expiresAt, intervalSeconds };
  }

  async wait(): Promise<DeviceCodeOutcome> {
    const pending = this.pending;
    if (!pending) throw new SignInCancelledError('No device-code sign-in is waiting. Start again to get a code.');
    try {
      return await pending.outcome;
    } finally {
      if (this.pending === pending) this.pending = undefined;
    }
  }

  cancel(): void {
    this.pending?.abort.abort();
  }

  private async target(purpose: DeviceCodePurpose): Promise<{ tenant: string; clientId: string; resource: ResourceName }> {
    if (purpose.kind === 'sam') return { tenant: purpose.partnerTenant, clientId: purpose.clientId, resource: 'partnercenter' };
    const profile = await this.profile(purpose.profileId);
    return { tenant: profile.partnerTenantId, clientId: EXCHANGE_POWERSHELL_APP_ID, resource: 'exchange' };
  }

  private async keep(purpose: DeviceCodePurpose, tokens: DeviceCodeTokens): Promise<DeviceCodeOutcome> {
    const who = signedInAs(tokens);
    if (purpose.kind === 'exchange') {
      await this.vault.set(vaultAccounts.exchangeRefreshToken(purpose.profileId), tokens.refreshToken);
      return { ...who, profile: await this.profile(purpose.profileId) };
    }
    const profile = await this.consent.save(
      { partnerTenant: purpose.partnerTenant, clientId: purpose.clientId, profileName: purpose.profileName },
      { idToken: tokens.idToken ?? '', accessToken: tokens.accessToken, tenantId: who.tenantId, account: null },
      tokens.refreshToken,
    );
    return { ...who, profile };
  }

  private async profile(profileId: string): Promise<ProfileRecord> {
    const profile = await this.profiles.get(profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    return profile;
  }
}

function identityError(body: unknown, status: number): MicrosoftIdentityError {
  if (isAadstsErrorBody(body)) return new MicrosoftIdentityError(body, status, 'device-code');
  return new MicrosoftIdentityError({ error: 'unexpected_response', error_description: `The sign-in service answered HTTP ${status}.` }, status);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new NetworkError('The request was cancelled.', true));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new NetworkError('The request was cancelled.', true));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
