import type { SamAppCheck, SamAppResult } from '../../ipc/wizard';
import type { CloudEndpoints } from '../../shared/cloud';
import { abortableSleep, type HttpClient } from '../http/httpClient';
import { samAppSecretAccount, SignInSlot, signInWithAuthCode, type SignInBrowser, type WindowOpener } from '../identity/consent';
import { readClaims, userOf } from '../identity/jwt';
import type { SecretVault } from '../vault/secretVault';
import { AdminConsents } from './adminConsent';
import { AppRegistrations } from './appRegistration';
import { ClientSecrets, type NewSecret } from './clientSecrets';
import { defaultReplicationPolicy, GraphApi, type GraphSession, type ReplicationPolicy, type Sleep } from './graphApi';
import { checkSamApp, fixableChecks, fixedRegistration, samAppShape, type AdminConsent, type GraphApplication } from '../../shared/samAppChecks';
import { withSamPermissions } from '../../shared/samPermissions';


/** Microsoft's Azure PowerShell public client: consented everywhere, so an admin can sign in with it before any SAM app exists. */
export const AZURE_POWERSHELL_APP_ID = '1950a258-227b-4e31-a9cf-717495945953';

/** The checks "Fix the app" answers with a PATCH of the registration. */
const REGISTRATION_CHECKS = new Set(['multi-tenant', 'redirect', 'public-client', 'permissions']);

/** What "Fix the app" would change, so the confirmation can say it before anything is written. */
export interface SamAppFixPlan {
  fixes: SamAppCheck['id'][];
  /** The secret check fails: fixing it means a new client secret. */
  newSecret: boolean;
}

export interface SamAppServiceOptions {
  /** Waits between reads of objects Graph has not replicated yet (tests pass one that needs no wall clock). */
  sleep?: Sleep;
  replication?: ReplicationPolicy;
}

/**
 * Creates, checks and repairs the partner's SAM app registration through Microsoft Graph, as
 * the partner admin (signed in once with Azure PowerShell's public client). The Graph token
 * stays in this object's memory only, for the wizard's few calls. Creating is idempotent: the app
 * is found again by the name chosen, its service principal by appId, each grant by client and
 * resource, and a secret whose answer was lost is removed before another is added.
 */
export class SamAppService {
  private session: GraphSession | undefined;
  private readonly slot = new SignInSlot();
  private readonly registrations: AppRegistrations;
  private readonly consents: AdminConsents;
  private readonly secrets: ClientSecrets;
  /** Creations run one after another: two at once would each add a secret (addPassword is not idempotent). */
  private creations: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly vault: SecretVault,
    private readonly opener: WindowOpener,
    private readonly now: () => Date = () => new Date(),
    options: SamAppServiceOptions = {},
  ) {
    const graph = new GraphApi(cloud, http, () => this.session, now, options.sleep ?? abortableSleep, options.replication ?? defaultReplicationPolicy);
    this.registrations = new AppRegistrations(graph);
    this.consents = new AdminConsents(graph, this.registrations);
    this.secrets = new ClientSecrets(graph, vault, now);
  }

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

  /**
   * Makes the app, its service principal, admin consent for every resource and a secret; run again
   * with the same name (after a failure, or a second click), it finds what exists and makes only
   * what is missing: never a second app, service principal, grant or secret.
   */
  create(displayName: string): Promise<SamAppResult> {
    const creation = this.creations.then(() => this.createOnce(displayName));
    this.creations = creation.catch(() => undefined);
    return creation;
  }

  /** The app SAM Desk created under this name before, checked as it is now; null when there is none. */
  async find(displayName: string): Promise<SamAppResult | null> {
    const app = await this.registrations.findCreated(displayName);
    return app ? this.validate(app.appId, undefined) : null;
  }

  private async createOnce(displayName: string): Promise<SamAppResult> {
    const created = await this.registrations.ensureApplication(displayName, {
      ...samAppShape,
      requiredResourceAccess: withSamPermissions([]),
    });
    const servicePrincipalId = await this.registrations.ensureServicePrincipal(created.appId);
    const consent = await this.consents.grantMissing(servicePrincipalId, await this.consents.read(servicePrincipalId));
    const kept = await this.secrets.stored(created);
    const newSecret = kept ? undefined : await this.secrets.add(created);
    return this.result(created.appId, consent, newSecret?.text ?? kept, newSecret);
  }

  async validate(clientId: string, clientSecret: string | undefined): Promise<SamAppResult> {
    // Kept for the consent step, in the keychain only.
    if (clientSecret) await this.vault.set(samAppSecretAccount(clientId), clientSecret);
    const app = await this.registrations.application(clientId);
    const consent = await this.consents.read(await this.registrations.servicePrincipalId(app.appId));
    const secret = clientSecret ?? (await this.vault.get(samAppSecretAccount(clientId))) ?? undefined;
    return { app: { appId: app.appId, displayName: app.displayName }, checks: checkSamApp(app, consent, secret, this.now()) };
  }

  /** What fix() would put right now: the confirmation says it, a new secret above all. */
  async fixPlan(clientId: string): Promise<SamAppFixPlan> {
    const fixes = fixableChecks((await this.validate(clientId, undefined)).checks).map((check) => check.id);
    return { fixes, newSecret: fixes.includes('secret') };
  }

  /**
   * Puts right exactly what the checks call fixable (samAppChecks.fixableChecks): registration,
   * consent per resource and, only when `newSecret` was agreed to, a new client secret.
   */
  async fix(clientId: string, { newSecret: secretAgreed }: { newSecret: boolean }): Promise<SamAppResult> {
    const before = await this.validate(clientId, undefined);
    const fixable = new Set(fixableChecks(before.checks).map((check) => check.id));
    const app = await this.registrations.application(clientId);
    if ([...fixable].some((id) => REGISTRATION_CHECKS.has(id))) {
      // Setting these values is idempotent, so the HTTP client may resend the PATCH.
      await this.registrations.patchApplication(app.id, fixedRegistration(app, withSamPermissions));
    }
    const servicePrincipalId = await this.registrations.ensureServicePrincipal(app.appId);
    let consent = await this.consents.read(servicePrincipalId);
    if (fixable.has('admin-consent')) consent = await this.consents.grantMissing(servicePrincipalId, consent);
    const newSecret = fixable.has('secret') && secretAgreed ? await this.secrets.add(app) : undefined;
    const secret = newSecret?.text ?? (await this.vault.get(samAppSecretAccount(clientId))) ?? undefined;
    return this.result(clientId, consent, secret, newSecret);
  }

  /** The checklist as Graph shows the app now, once a secret just added is listed. */
  private async result(clientId: string, consent: AdminConsent, secret: string | undefined, newSecret: NewSecret | undefined): Promise<SamAppResult> {
    const app: GraphApplication = await this.registrations.applicationWithSecret(clientId, newSecret?.keyId);
    return {
      app: { appId: app.appId, displayName: app.displayName },
      // A new secret is never silent: the secret check says so and the result carries it, to be shown once.
      checks: checkSamApp(app, consent, secret, this.now(), { secretCreated: newSecret !== undefined }),
      ...(newSecret ? { newSecret: { text: newSecret.text, expiresAt: newSecret.expiresAt } } : {}),
    };
  }
}
