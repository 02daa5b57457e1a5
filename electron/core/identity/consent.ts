import { randomBytes, randomUUID } from 'node:crypto';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-node';
import type { CloudEndpoints } from '../config/cloud';
import type { HttpClient } from '../http/httpClient';
import type { ProfileStore, ProfileRecord } from '../profiles/profileStore';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { readClaims, hasMfaClaim, userOf } from './jwt';
import { LoopbackListener, SignInCancelledError } from './loopback';
import { msalNetworkModule } from './msalNetwork';

/** Shows the sign-in page to the user: an Electron window, or a popup in the browser harness. */
export interface WindowOpener {
  open(url: string, onClosedByUser: () => void): { close(): void };
}

export interface ConsentRequest {
  partnerTenant: string;
  clientId: string;
  clientSecret?: string;
  profileName?: string;
}

/** The SAM consent is asked for Partner Center; the same refresh token then serves every resource. */
const consentScopes = (cloud: CloudEndpoints) => [`${cloud.resources.partnercenter}/.default`];

/**
 * The consent step of the Secure Application Model: authorization code + PKCE (S256) through
 * MSAL, redirected to the loopback listener, then the refresh token read out of MSAL's cache and
 * stored in the keychain.
 */
export class ConsentService {
  private current: AbortController | undefined;

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly vault: SecretVault,
    private readonly profiles: ProfileStore,
    private readonly opener: WindowOpener,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(request: ConsentRequest): Promise<ProfileRecord> {
    this.cancel();
    const abort = new AbortController();
    this.current = abort;
    const listener = await LoopbackListener.start();
    let window: { close(): void } | undefined;
    try {
      const msal = this.createClient(request);
      const pkce = await new CryptoProvider().generatePkceCodes();
      const state = randomBytes(24).toString('base64url');
      const scopes = consentScopes(this.cloud);
      const url = await msal.getAuthCodeUrl({
        scopes,
        redirectUri: listener.redirectUri,
        codeChallenge: pkce.challenge,
        codeChallengeMethod: 'S256',
        state,
        // The SAM consent step: the admin sees and accepts the app's permissions every time.
        prompt: 'consent',
      });
      window = this.opener.open(url, () => abort.abort());
      const code = await listener.waitForCode(state, abort.signal);
      const result = await msal.acquireTokenByCode({
        code,
        scopes,
        redirectUri: listener.redirectUri,
        codeVerifier: pkce.verifier,
      });
      const refreshToken = refreshTokenFromCache(msal.getTokenCache().serialize());
      if (!refreshToken) throw new Error('Microsoft returned no refresh token. Check that the app may request offline_access.');
      return await this.save(request, result, refreshToken);
    } catch (error) {
      if (abort.signal.aborted && !(error instanceof SignInCancelledError)) throw new SignInCancelledError();
      throw error;
    } finally {
      listener.close();
      window?.close();
      if (this.current === abort) this.current = undefined;
    }
  }

  cancel(): void {
    this.current?.abort();
  }

  private createClient(request: ConsentRequest): PublicClientApplication | ConfidentialClientApplication {
    const host = new URL(this.cloud.loginHost).host;
    const configuration: Configuration = {
      auth: {
        clientId: request.clientId,
        authority: `${this.cloud.loginHost}/${request.partnerTenant}`,
        knownAuthorities: [host],
        ...(request.clientSecret ? { clientSecret: request.clientSecret } : {}),
      },
      system: { networkClient: msalNetworkModule(this.http) },
    };
    return request.clientSecret ? new ConfidentialClientApplication(configuration) : new PublicClientApplication(configuration);
  }

  private async save(request: ConsentRequest, result: AuthenticationResult, refreshToken: string): Promise<ProfileRecord> {
    const claims = { ...readClaims(result.idToken), ...readClaims(result.accessToken) };
    const partnerTenantId = result.tenantId || claims.tid || request.partnerTenant;
    const user = result.account?.username || userOf(claims);
    const existing = (await this.profiles.list()).find(
      (profile) =>
        profile.partnerTenantId === partnerTenantId && profile.clientId === request.clientId && profile.user === user,
    );
    const id = existing?.id ?? `p-${randomUUID().slice(0, 8)}`;
    const now = this.now().toISOString();
    // Secrets first: metadata only ever points at a token that is already in the keychain.
    await this.vault.set(vaultAccounts.refreshToken(id), refreshToken);
    if (request.clientSecret) await this.vault.set(vaultAccounts.clientSecret(id), request.clientSecret);
    const profile: ProfileRecord = {
      id,
      name: request.profileName ?? existing?.name ?? user.split('@')[1] ?? user,
      cloud: this.cloud.name,
      partnerTenantId,
      clientId: request.clientId,
      hasClientSecret: Boolean(request.clientSecret),
      user,
      mfa: hasMfaClaim(claims),
      issuedAt: now,
      lastRedeemedAt: now,
    };
    await this.profiles.upsert(profile);
    return profile;
  }
}

/** MSAL never hands out refresh tokens; they sit in its serialized cache (one app, one user here). */
export function refreshTokenFromCache(serializedCache: string): string | undefined {
  const cache = JSON.parse(serializedCache) as { RefreshToken?: Record<string, { secret?: string }> };
  return Object.values(cache.RefreshToken ?? {})[0]?.secret;
}
