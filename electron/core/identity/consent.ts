import { createHash, randomBytes } from 'node:crypto';
import {
  ConfidentialClientApplication,
  CryptoProvider,
  PublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-node';
import { cloudBinding, type CloudEndpoints } from '../../shared/cloud';
import { isInCloud } from '../profiles/cloudBinding';
import type { HttpClient } from '../http/httpClient';
import type { ProfileStore, ProfileRecord } from '../profiles/profileStore';
import type { ProfileService } from '../profiles/profileService';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { readClaims, hasMfaClaim, userOf } from './jwt';
import { LoopbackListener, SignInCancelledError } from './loopback';
import { msalNetworkModule } from './msalNetwork';
import { MicrosoftIdentityError } from './aadsts';
import { fromMsalError } from './msalErrors';

/** Shows the sign-in page to the user: an Electron window, or a popup in the browser harness. */
export interface WindowOpener {
  open(url: string, onClosedByUser: () => void): { close(): void };
  /**
   * Hands the page to the OS browser (Conditional Access device compliance, passkeys). Where
   * absent (the browser harness) the page opens like `open`.
   */
  openExternal?(url: string): void;
}

/** Embedded sign-in window (default) or the user's own browser. */
export type SignInBrowser = 'embedded' | 'system';

export interface ConsentRequest {
  partnerTenant: string;
  clientId: string;
  clientSecret?: string;
  profileName?: string;
  browser?: SignInBrowser;
}

/**
 * The SAM app is a confidential Web app (README, "The SAM app SAM Desk creates"): its consent
 * needs the client secret, and SAM Desk has none for it.
 */
export class ClientSecretNeededError extends Error {
  constructor() {
    super('SAM Desk needs the SAM app’s client secret to sign in: the app is a confidential (Web) app.');
    this.name = 'ClientSecretNeededError';
  }
}

/**
 * A client secret Microsoft refused a moment ago (wrong, AADSTS7000215, or expired, 7000222) was
 * offered again: it cannot start working, so SAM Desk does not send the admin through sign-in for it.
 */
export class RefusedSecretError extends Error {
  constructor() {
    super('Microsoft refused this client secret a moment ago: it is wrong or has expired.');
    this.name = 'RefusedSecretError';
  }
}

/** Microsoft's answers that say the client secret itself is no good (reference-error-codes). */
const SECRET_REFUSED = new Set(['7000215', '7000222']);

/** Where a SAM app's secret waits between the wizard's app step and the consent that files it under a profile. */
export const samAppSecretAccount = (clientId: string) => `sam-app/${clientId.toLowerCase()}/client-secret`;

/** The SAM consent is asked for Partner Center; the same refresh token then serves every resource. */
const consentScopes = (cloud: CloudEndpoints) => [`${cloud.resources.partnercenter}/.default`];

export interface AuthCodeSignIn {
  cloud: CloudEndpoints;
  http: HttpClient;
  opener: WindowOpener;
  clientId: string;
  clientSecret?: string;
  tenant: string;
  scopes: string[];
  browser: SignInBrowser;
  /** `consent` makes the admin see and accept the app's permissions. */
  prompt?: 'consent' | 'select_account';
  signal: AbortSignal;
  /** The user closed the sign-in window: that is their cancel. */
  onWindowClosed: () => void;
}

/**
 * One interactive sign-in: authorization code + PKCE (S256) through MSAL, redirected to the
 * loopback listener (which checks `state`). With a client secret it is MSAL's confidential client
 * (the SAM app's Web redirect); without one its public client (Microsoft's first-party apps, whose
 * redirect is "Mobile and desktop"). Returns MSAL's result and its cache, from which the refresh
 * token is read.
 */
export async function signInWithAuthCode(
  request: AuthCodeSignIn,
): Promise<{ result: AuthenticationResult; serializedCache: string }> {
  const listener = await LoopbackListener.start();
  let window: { close(): void } | undefined;
  try {
    const msal = createClient(request.cloud, request.http, request.tenant, request.clientId, request.clientSecret);
    const pkce = await new CryptoProvider().generatePkceCodes();
    const state = randomBytes(24).toString('base64url');
    const url = await msal.getAuthCodeUrl({
      scopes: request.scopes,
      redirectUri: listener.redirectUri,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
      state,
      prompt: request.prompt,
    });
    if (request.browser === 'system' && request.opener.openExternal) request.opener.openExternal(url);
    else window = request.opener.open(url, request.onWindowClosed);
    const code = await listener.waitForCode(state, request.signal);
    const result = await msal.acquireTokenByCode({
      code,
      scopes: request.scopes,
      redirectUri: listener.redirectUri,
      codeVerifier: pkce.verifier,
    });
    return { result, serializedCache: msal.getTokenCache().serialize() };
  } catch (error) {
    if (request.signal.aborted && !(error instanceof SignInCancelledError)) throw new SignInCancelledError();
    throw fromMsalError(error);
  } finally {
    listener.close();
    window?.close();
  }
}

function createClient(
  cloud: CloudEndpoints,
  http: HttpClient,
  tenant: string,
  clientId: string,
  clientSecret: string | undefined,
): PublicClientApplication | ConfidentialClientApplication {
  const configuration: Configuration = {
    auth: {
      clientId,
      authority: `${cloud.loginHost}/${tenant}`,
      knownAuthorities: [new URL(cloud.loginHost).host],
      ...(clientSecret ? { clientSecret } : {}),
    },
    system: { networkClient: msalNetworkModule(http) },
  };
  return clientSecret ? new ConfidentialClientApplication(configuration) : new PublicClientApplication(configuration);
}

/** Cancels one sign-in at a time: starting another or pressing Cancel aborts the current one. */
export class SignInSlot {
  private current: AbortController | undefined;

  async run<T>(work: (signal: AbortSignal, cancel: () => void) => Promise<T>): Promise<T> {
    this.cancel();
    const abort = new AbortController();
    this.current = abort;
    try {
      return await work(abort.signal, () => abort.abort());
    } finally {
      if (this.current === abort) this.current = undefined;
    }
  }

  cancel(): void {
    this.current?.abort();
  }
}

/**
 * The consent step of the Secure Application Model: an interactive sign-in to the partner's SAM
 * app with `prompt=consent`, then the refresh token read out of MSAL's cache and stored in the
 * keychain with the profile's metadata beside it.
 */
export class ConsentService {
  private readonly slot = new SignInSlot();
  /** Hashes of secrets Microsoft refused, per app: never offered again (memory only). */
  private readonly refused = new Map<string, Set<string>>();

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly vault: SecretVault,
    private readonly profiles: ProfileStore,
    /** Files each sign-in under a profile (keychain entries, then metadata). */
    private readonly accounts: ProfileService,
    private readonly opener: WindowOpener,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(request: ConsentRequest): Promise<ProfileRecord> {
    return this.slot.run(async (signal, cancel) => {
      if (request.clientSecret && this.wasRefused(request.clientId, request.clientSecret)) throw new RefusedSecretError();
      const clientSecret = request.clientSecret || (await this.storedSecret(request.clientId));
      // One shape: the SAM app signs in as a confidential client, so without its secret Microsoft
      // would refuse the code (AADSTS7000218) after the admin has signed in for nothing.
      if (!clientSecret) throw new ClientSecretNeededError();
      const { result, serializedCache } = await signInWithAuthCode({
        cloud: this.cloud,
        http: this.http,
        opener: this.opener,
        clientId: request.clientId,
        clientSecret,
        tenant: request.partnerTenant,
        scopes: consentScopes(this.cloud),
        browser: request.browser ?? 'embedded',
        prompt: 'consent',
        signal,
        onWindowClosed: cancel,
      }).catch(async (error: unknown) => {
        if (error instanceof MicrosoftIdentityError && error.code && SECRET_REFUSED.has(error.code)) await this.forget(request.clientId, clientSecret);
        throw error;
      });
      const refreshToken = refreshTokenFromCache(serializedCache);
      if (!refreshToken) throw new Error('Microsoft returned no refresh token. Check that the app may request offline_access.');
      return this.save({ ...request, clientSecret }, result, refreshToken);
    });
  }

  cancel(): void {
    this.slot.cancel();
  }

  /**
   * The secret to use when none is typed in: the one the wizard created or checked for this app,
   * else one kept with a profile of this app (so "re-consent" works; a profile that redeems as a
   * public client, after a device-code sign-in, may still hold the app's secret).
   */
  private async storedSecret(clientId: string): Promise<string | undefined> {
    const wizardSecret = await this.vault.get(samAppSecretAccount(clientId));
    if (wizardSecret && !this.wasRefused(clientId, wizardSecret)) return wizardSecret;
    // Only a profile of this cloud: a secret is never sent to another cloud's login host.
    const profiles = (await this.profiles.list()).filter((candidate) => candidate.clientId === clientId && isInCloud(candidate, this.cloud));
    for (const profile of [...profiles.filter((p) => p.hasClientSecret), ...profiles.filter((p) => !p.hasClientSecret)]) {
      const secret = await this.vault.get(vaultAccounts.clientSecret(profile.id));
      if (secret && !this.wasRefused(clientId, secret)) return secret;
    }
    return undefined;
  }

  /**
   * A secret Microsoft refused is forgotten: never offered again, and gone from the wizard's
   * keychain entry, so clearing the field really clears it. A profile's own copy stays (its
   * renewals report the refusal themselves; deleting it would change what the profile is).
   */
  private async forget(clientId: string, secret: string): Promise<void> {
    const hashes = this.refused.get(clientId) ?? new Set<string>();
    hashes.add(hashOf(secret));
    this.refused.set(clientId, hashes);
    if ((await this.vault.get(samAppSecretAccount(clientId))) === secret) await this.vault.delete(samAppSecretAccount(clientId));
  }

  private wasRefused(clientId: string, secret: string): boolean {
    return this.refused.get(clientId)?.has(hashOf(secret)) ?? false;
  }

  /** Files a refresh token under a profile: a new one, or the existing one for this tenant, app and admin. */
  save(request: ConsentRequest, result: Pick<AuthenticationResult, 'idToken' | 'accessToken' | 'tenantId' | 'account'>, refreshToken: string): Promise<ProfileRecord> {
    const claims = { ...readClaims(result.idToken), ...readClaims(result.accessToken) };
    const user = result.account?.username || userOf(claims);
    const now = this.now().toISOString();
    return this.accounts.add({
      partnerTenantId: result.tenantId || claims.tid || request.partnerTenant,
      clientId: request.clientId,
      user,
      refreshToken,
      ...(request.clientSecret ? { clientSecret: request.clientSecret } : {}),
      describe: (existing) => ({
        name: request.profileName ?? existing?.name ?? user.split('@')[1] ?? user,
        cloud: this.cloud.name,
        boundTo: cloudBinding(this.cloud),
        mfa: hasMfaClaim(claims),
        issuedAt: now,
        lastRedeemedAt: now,
        // A Conditional Access sign-in frequency outlives a re-consent; an spa redirect may have been fixed.
        ...(existing?.hardLimits?.signInFrequencySeconds !== undefined
          ? { hardLimits: { signInFrequencySeconds: existing.hardLimits.signInFrequencySeconds } }
          : {}),
      }),
    });
  }
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** MSAL never hands out refresh tokens; they sit in its serialized cache (one app, one user here). */
function refreshTokenFromCache(serializedCache: string): string | undefined {
  const cache = JSON.parse(serializedCache) as { RefreshToken?: Record<string, { secret?: string }> };
  return Object.values(cache.RefreshToken ?? {})[0]?.secret;
}
