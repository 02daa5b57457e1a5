import type { AccessToken as AzureAccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../shared/cloud';
import type { HttpClient } from '../http/httpClient';
import { signInWithAuthCode, type SignInBrowser, type WindowOpener } from '../identity/consent';
import type { DeviceCodeFlow, DeviceCodePrompt } from '../identity/deviceCode';
import { AZURE_POWERSHELL_APP_ID } from '../samApp/samAppService';
import { assertKeyVaultScope } from './keeperCredential';

export interface ReaderToken {
  accessToken: string;
  expiresAt: Date;
}

/**
 * A teammate joining from a vault has no refresh token yet: they sign in as themselves to read
 * it, with Azure PowerShell's public client (a Microsoft app Key Vault already trusts, so the SAM
 * app needs no extra consent for it), in the tenant the vault's challenge names.
 */
export interface VaultReaderSignIn {
  token(tenantId: string, signal: AbortSignal): Promise<ReaderToken>;
}

/** The app: an embedded sign-in window (or the system browser), authorization code + PKCE. */
export class InteractiveReaderSignIn implements VaultReaderSignIn {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly opener: WindowOpener,
    private readonly browser: SignInBrowser,
    private readonly onWindowClosed: () => void,
    private readonly now: () => Date,
  ) {}

  async token(tenantId: string, signal: AbortSignal): Promise<ReaderToken> {
    const { result } = await signInWithAuthCode({
      cloud: this.cloud,
      http: this.http,
      opener: this.opener,
      clientId: AZURE_POWERSHELL_APP_ID,
      tenant: tenantId,
      scopes: [`${this.cloud.resources.keyvault}/.default`],
      browser: this.browser,
      signal,
      onWindowClosed: this.onWindowClosed,
    });
    return { accessToken: result.accessToken, expiresAt: result.expiresOn ?? new Date(this.now().getTime() + 3600_000) };
  }
}

/** The command line: the device-code flow, its prompt written where the person reads it. */
export class DeviceCodeReaderSignIn implements VaultReaderSignIn {
  constructor(
    private readonly flow: DeviceCodeFlow,
    private readonly showPrompt: (prompt: DeviceCodePrompt) => void,
  ) {}

  async token(tenantId: string, signal: AbortSignal): Promise<ReaderToken> {
    const grant = await this.flow.begin(tenantId, AZURE_POWERSHELL_APP_ID, 'keyvault', signal);
    this.showPrompt(grant);
    const tokens = await this.flow.poll(grant, signal);
    return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
  }
}

/** The SDK's TokenCredential over a reader sign-in: one sign-in per tenant, for Key Vault only. */
export class ReaderCredential implements TokenCredential {
  private readonly tokens = new Map<string, Promise<ReaderToken>>();

  constructor(
    private readonly signIn: VaultReaderSignIn,
    private readonly keyVaultResource: string,
    private readonly signal: AbortSignal,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AzureAccessToken> {
    assertKeyVaultScope(scopes, this.keyVaultResource);
    const tenant = options?.tenantId || 'organizations';
    let pending = this.tokens.get(tenant);
    if (!pending) this.tokens.set(tenant, (pending = this.signIn.token(tenant, this.signal)));
    const token = await pending;
    return { token: token.accessToken, expiresOnTimestamp: token.expiresAt.getTime(), tokenType: 'Bearer' };
  }
}
