import { createHash } from 'node:crypto';
import type { GraphApplication } from '../../shared/samAppChecks';
import { filter, isReplicationRefusal, type GraphApi } from './graphApi';

export class SamAppNotFoundError extends Error {
  constructor(clientId: string) {
    super(`There is no app registration with application id ${clientId} in your partner tenant. Check the id, or let SAM Desk create the app.`);
    this.name = 'SamAppNotFoundError';
  }
}

/**
 * The alternate key of an app SAM Desk creates: a marker plus the display name the admin chose,
 * so a second “Create” with that name finds the same app (Graph upsert by uniqueName,
 * https://learn.microsoft.com/graph/api/application-upsert) instead of making another.
 */
export function samAppUniqueName(displayName: string): string {
  return `samdesk-${createHash('sha256').update(displayName.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

const upsert = { Prefer: 'create-if-missing' };
const createdPath = (displayName: string) => `/applications(uniqueName='${encodeURIComponent(samAppUniqueName(displayName))}')`;

/** App registrations and service principals, each made at most once however often a step is retried. */
export class AppRegistrations {
  constructor(private readonly graph: GraphApi) {}

  /**
   * Creates the app, or updates the one this name already made: an upsert is idempotent, so the
   * HTTP client may resend it after a lost answer. Returns the app once Graph shows it.
   */
  async ensureApplication(displayName: string, registration: Record<string, unknown>): Promise<GraphApplication> {
    const path = createdPath(displayName);
    const created = await this.graph.call<GraphApplication | undefined>({ method: 'PATCH', path, headers: upsert, body: { displayName, ...registration }, retrySafe: true });
    return this.graph.untilReplicated('app registration', async () => {
      const app = await this.graph.find<GraphApplication>(path);
      return app && (!created || app.id === created.id) ? app : undefined;
    });
  }

  /** The app SAM Desk created under this name, by its alternate key; undefined when there is none (yet). */
  findCreated(displayName: string): Promise<GraphApplication | undefined> {
    return this.graph.find<GraphApplication>(createdPath(displayName));
  }

  /** The app by application (client) id, as Graph lists it now. */
  async application(clientId: string): Promise<GraphApplication> {
    const app = await this.findApplication(clientId);
    if (!app) throw new SamAppNotFoundError(clientId);
    return app;
  }

  async findApplication(clientId: string): Promise<GraphApplication | undefined> {
    const page = await this.graph.call<{ value?: GraphApplication[] }>({ method: 'GET', path: `/applications?${filter('appId', clientId)}` });
    return page.value?.[0];
  }

  /** Waits until Graph lists the app with this secret (a new secret shows only once it has replicated). */
  async applicationWithSecret(clientId: string, keyId: string | undefined): Promise<GraphApplication> {
    if (!keyId) return this.application(clientId);
    return this.graph.untilReplicated('client secret', async () => {
      const app = await this.findApplication(clientId);
      return app?.passwordCredentials?.some((credential) => credential.keyId === keyId) ? app : undefined;
    });
  }

  patchApplication(objectId: string, change: Record<string, unknown>): Promise<void> {
    return this.graph.call({ method: 'PATCH', path: `/applications/${encodeURIComponent(objectId)}`, body: change, retrySafe: true });
  }

  async servicePrincipalId(appId: string): Promise<string | undefined> {
    const page = await this.graph.call<{ value?: Array<{ id: string }> }>({ method: 'GET', path: `/servicePrincipals?${filter('appId', appId)}` });
    return page.value?.[0]?.id;
  }

  /**
   * The app's (or a Microsoft API's) service principal in the partner tenant: an upsert by appId
   * (https://learn.microsoft.com/graph/api/serviceprincipal-upsert), sent again only while Graph
   * does not yet know a just-created app; returned once Graph shows it.
   */
  async ensureServicePrincipal(appId: string): Promise<string> {
    const existing = await this.servicePrincipalId(appId);
    if (existing) return existing;
    const path = `/servicePrincipals(appId='${encodeURIComponent(appId)}')`;
    await this.graph.whileReplicating(
      'app registration',
      () => this.graph.call({ method: 'PATCH', path, headers: upsert, body: {}, retrySafe: true }),
      isReplicationRefusal,
    );
    return this.graph.untilReplicated('service principal', async () => (await this.graph.find<{ id: string }>(path))?.id);
  }
}
