import type { SamAppResult } from '../../ipc/contract';
import type { CloudEndpoints } from '../config/cloud';
import { readJson, type HttpClient, type HttpResponse } from '../http/httpClient';
import { samAppSecretAccount, SignInSlot, signInWithAuthCode, type SignInBrowser, type WindowOpener } from '../identity/consent';
import { readClaims, userOf } from '../identity/jwt';
import { ApiError } from '../tenants/customerTenants';
import type { SecretVault } from '../vault/secretVault';
import { checkSamApp, fixedRegistration, samAppShape, type AdminConsent, type GraphApplication } from './samAppChecks';
import { samPermissions, withSamPermissions } from './samPermissions';

/** Microsoft's Azure PowerShell public client: consented everywhere, so an admin can sign in with it before any SAM app exists. */
export const AZURE_POWERSHELL_APP_ID = '1950a258-227b-4e31-a9cf-717495945953';
const SECRET_LIFETIME_MS = 730 * 24 * 3600_000;

export class NotSignedInToGraphError extends Error {
  constructor() {
    super('Sign in as a partner administrator first, so SAM Desk can read your app registrations.');
    this.name = 'NotSignedInToGraphError';
  }
}

export class SamAppNotFoundError extends Error {
  constructor(clientId: string) {
    super(`There is no app registration with application id ${clientId} in your partner tenant. Check the id, or let SAM Desk create the app.`);
    this.name = 'SamAppNotFoundError';
  }
}

interface GraphSession {
  accessToken: string;
  expiresAt: Date;
  user: string;
  tenantId: string;
}

/**
 * Creates, checks and repairs the partner's SAM app registration through Microsoft Graph, as
 * the partner admin (signed in once with Azure PowerShell's public client). The Graph token
 * stays in this object's memory only, for the wizard's few calls.
 */
export class SamAppService {
  private session: GraphSession | undefined;
  private readonly slot = new SignInSlot();

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly vault: SecretVault,
    private readonly opener: WindowOpener,
    private readonly now: () => Date = () => new Date(),
  ) {}

  signIn(partnerTenant: string, browser: SignInBrowser): Promise<{ user: string; tenantId: string }> {
    return this.slot.run(async (signal, cancel) => {
      const { result } = await signInWithAuthCode({
        cloud: this.cloud,
        http: this.http,
        opener: this.opener,
        clientId: AZURE_POWERSHELL_APP_ID,
        tenant: partnerTenant,
        scopes: [`${this.cloud.resources.graph}/.default`],
        browser,
        signal,
        onWindowClosed: cancel,
      });
      const claims = readClaims(result.accessToken);
      this.session = {
        accessToken: result.accessToken,
        expiresAt: result.expiresOn ?? new Date(this.now().getTime() + 3600_000),
        user: result.account?.username || userOf(claims),
        tenantId: result.tenantId || claims.tid || partnerTenant,
      };
      return { user: this.session.user, tenantId: this.session.tenantId };
    });
  }

  cancel(): void {
    this.slot.cancel();
  }

  async create(displayName: string): Promise<SamAppResult> {
    const created = await this.graph<GraphApplication>('POST', '/applications', {
      displayName,
      ...samAppShape,
      requiredResourceAccess: withSamPermissions([]),
    });
    const servicePrincipalId = await this.ensureServicePrincipal(created.appId);
    const consent = await this.grantAdminConsent(servicePrincipalId);
    const secret = await this.addSecret(created);
    const app = await this.application(created.appId);
    return {
      app: { appId: app.appId, displayName: app.displayName },
      checks: checkSamApp(app, consent, secret.text, this.now(), { secretCreated: true }),
      newSecret: secret,
    };
  }

  async validate(clientId: string, clientSecret: string | undefined): Promise<SamAppResult> {
    // Kept for the consent step, in the keychain only.
    if (clientSecret) await this.vault.set(samAppSecretAccount(clientId), clientSecret);
    const app = await this.application(clientId);
    const consent = await this.adminConsent(app.appId);
    const secret = clientSecret ?? (await this.vault.get(samAppSecretAccount(clientId))) ?? undefined;
    return { app: { appId: app.appId, displayName: app.displayName }, checks: checkSamApp(app, consent, secret, this.now()) };
  }

  /**
   * Puts right what the checks found: platform, permissions, consent, and a new secret if there is
   * none SAM Desk knows or it fails. A new secret is never silent: the secret check says so and
   * the result carries it, to be shown once.
   */
  async fix(clientId: string): Promise<SamAppResult> {
    const before = await this.validate(clientId, undefined);
    const app = await this.application(clientId);
    await this.graph('PATCH', `/applications/${app.id}`, fixedRegistration(app, withSamPermissions));
    const servicePrincipalId = await this.ensureServicePrincipal(app.appId);
    let consent = await this.adminConsent(app.appId);
    if (consent !== 'granted') consent = await this.grantAdminConsent(servicePrincipalId);
    const secretFailed = before.checks.some((check) => check.id === 'secret' && check.status === 'fail');
    const newSecret = secretFailed ? await this.addSecret(app) : undefined;
    const secret = newSecret?.text ?? (await this.vault.get(samAppSecretAccount(clientId))) ?? undefined;
    const fixed = await this.application(clientId);
    return {
      app: { appId: fixed.appId, displayName: fixed.displayName },
      checks: checkSamApp(fixed, consent, secret, this.now(), { secretCreated: newSecret !== undefined }),
      newSecret,
    };
  }

  private async application(clientId: string): Promise<GraphApplication> {
    const page = await this.graph<{ value?: GraphApplication[] }>('GET', `/applications?$filter=${encodeURIComponent(`appId eq '${clientId}'`)}`);
    const app = page.value?.[0];
    if (!app) throw new SamAppNotFoundError(clientId);
    return app;
  }

  private async servicePrincipalId(appId: string): Promise<string | undefined> {
    const page = await this.graph<{ value?: Array<{ id: string }> }>('GET', `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}`);
    return page.value?.[0]?.id;
  }

  private async ensureServicePrincipal(appId: string): Promise<string> {
    const existing = await this.servicePrincipalId(appId);
    if (existing) return existing;
    return (await this.graph<{ id: string }>('POST', '/servicePrincipals', { appId })).id;
  }

  /** Reads the app's tenant-wide delegated grants; a tenant that will not say is "unknown", not "missing". */
  private async adminConsent(appId: string): Promise<AdminConsent> {
    const servicePrincipalId = await this.servicePrincipalId(appId);
    if (!servicePrincipalId) return 'missing';
    const response = await this.send('GET', `/oauth2PermissionGrants?$filter=${encodeURIComponent(`clientId eq '${servicePrincipalId}'`)}`);
    const body = readJson<{ value?: Array<{ consentType?: string }> }>(response);
    if (response.status !== 200 || !body?.value) return 'unknown';
    return body.value.some((grant) => grant.consentType === 'AllPrincipals') ? 'granted' : 'missing';
  }

  /**
   * Tenant-wide consent, one grant per resource whose service principal exists in the partner
   * tenant; a resource without one is consented at the step-3 sign-in instead.
   */
  private async grantAdminConsent(clientServicePrincipalId: string): Promise<AdminConsent> {
    let complete = true;
    for (const resourceAppId of new Set(samPermissions.map((permission) => permission.resourceAppId))) {
      const resourceId = await this.servicePrincipalId(resourceAppId);
      if (!resourceId) {
        complete = false;
        continue;
      }
      const scope = samPermissions.filter((p) => p.resourceAppId === resourceAppId && p.permission !== 'offline_access').map((p) => p.permission);
      await this.graph('POST', '/oauth2PermissionGrants', { clientId: clientServicePrincipalId, consentType: 'AllPrincipals', resourceId, scope: scope.join(' ') });
    }
    return complete ? 'granted' : 'unknown';
  }

  private async addSecret(app: GraphApplication): Promise<{ text: string; expiresAt: string }> {
    const endDateTime = new Date(this.now().getTime() + SECRET_LIFETIME_MS).toISOString();
    const credential = await this.graph<{ secretText: string; endDateTime: string }>('POST', `/applications/${app.id}/addPassword`, {
      passwordCredential: { displayName: 'SAM Desk', endDateTime },
    });
    // Into the keychain at once: Graph shows a secret only this one time.
    await this.vault.set(samAppSecretAccount(app.appId), credential.secretText);
    return { text: credential.secretText, expiresAt: credential.endDateTime };
  }

  private async graph<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status === 204) return undefined as T;
    const parsed = readJson<T & { error?: { message?: string } }>(response);
    if (response.status < 200 || response.status >= 300 || !parsed) {
      throw new ApiError('Microsoft Graph', response.status, parsed?.error?.message ?? '');
    }
    return parsed;
  }

  private send(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<HttpResponse> {
    const session = this.session;
    if (!session || session.expiresAt <= this.now()) throw new NotSignedInToGraphError();
    return this.http.send({
      method,
      url: `${this.cloud.graphApi}/v1.0${path}`,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}
