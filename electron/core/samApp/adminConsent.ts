import { NetworkError } from '../http/httpClient';
import { ServiceError } from '../http/serviceError';
import type { AppRegistrations } from './appRegistration';
import { consentGaps, type AdminConsent } from '../../shared/samAppChecks';
import { grantScopes, samResources, type SamResource } from '../../shared/samPermissions';
import { filter, type GraphApi } from './graphApi';

/** An oauth2PermissionGrant as Graph lists it (https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant). */
interface PermissionGrant {
  id: string;
  resourceId: string;
  consentType: string;
  scope?: string;
}

const ATTEMPTS = 4;

/** The refusal Graph gives a second grant for the same client and resource (CIPP-API Set-CIPPCPVConsent.ps1 treats it as done). */
const alreadyExists = (error: unknown) => error instanceof ServiceError && error.status === 400 && /permission entry already exists/i.test(error.message);
/** No answer, or an answer that does not say whether the grant was written. */
const ambiguous = (error: unknown) => error instanceof NetworkError || (error instanceof ServiceError && (error.status >= 500 || error.status === 404));

/**
 * Tenant-wide (admin) consent in the partner tenant, one oauth2PermissionGrant per Microsoft API,
 * read and granted resource by resource: a Graph grant does not stand in for Exchange's.
 */
export class AdminConsents {
  private readonly resourceIds = new Map<string, string>();

  constructor(
    private readonly graph: GraphApi,
    private readonly registrations: AppRegistrations,
  ) {}

  /** What is granted, per resource app id; not readable when Graph will not list the grants. */
  async read(clientServicePrincipalId: string | undefined): Promise<AdminConsent> {
    if (!clientServicePrincipalId) return { readable: true, granted: {} };
    const grants = await this.grantsOf(clientServicePrincipalId);
    if (!grants) return { readable: false, granted: {} };
    const granted: Record<string, string[]> = {};
    for (const resource of samResources) {
      const resourceId = await this.resourceServicePrincipalId(resource.resourceAppId);
      const grant = resourceId && grants.find((candidate) => candidate.resourceId === resourceId && candidate.consentType === 'AllPrincipals');
      if (grant) granted[resource.resourceAppId] = (grant.scope ?? '').split(' ').filter(Boolean);
    }
    return { readable: true, granted };
  }

  /** Grants what each resource lacks, then waits until Graph lists every grant; returns the consent read back. */
  async grantMissing(clientServicePrincipalId: string, consent: AdminConsent): Promise<AdminConsent> {
    for (const gap of consentGaps(consent)) await this.grantResource(clientServicePrincipalId, gap.resource);
    return this.graph.untilReplicated('admin-consent grants', async () => {
      const after = await this.read(clientServicePrincipalId);
      return after.readable && consentGaps(after).length === 0 ? after : undefined;
    });
  }

  /**
   * One resource's grant: created when there is none, its scope widened when it lacks some.
   * A create whose answer was lost is looked up before it is sent again, and a second create is
   * refused by Graph anyway ("Permission entry already exists"), so no grant is made twice.
   */
  private async grantResource(clientId: string, resource: SamResource): Promise<void> {
    const resourceId = await this.registrations.ensureServicePrincipal(resource.resourceAppId);
    for (let attempt = 1; ; attempt++) {
      const existing = await this.findGrant(clientId, resourceId);
      if (existing) return this.widen(existing, grantScopes(resource));
      try {
        await this.graph.call({ method: 'POST', path: '/oauth2PermissionGrants', body: { clientId, consentType: 'AllPrincipals', resourceId, scope: grantScopes(resource).join(' ') } });
        return;
      } catch (error) {
        if (alreadyExists(error)) return this.widenWhenListed(clientId, resourceId, resource);
        if (!ambiguous(error) || attempt >= ATTEMPTS) throw error;
        // Lost, or refused for now (a principal still replicating): wait, then look before resending.
        await this.graph.backoff(attempt);
      }
    }
  }

  private async widenWhenListed(clientId: string, resourceId: string, resource: SamResource): Promise<void> {
    const grant = await this.graph.untilReplicated(`grant for ${resource.resourceName}`, () => this.findGrant(clientId, resourceId));
    await this.widen(grant, grantScopes(resource));
  }

  private async widen(grant: PermissionGrant, needed: string[]): Promise<void> {
    const scopes = (grant.scope ?? '').split(' ').filter(Boolean);
    const missing = needed.filter((scope) => !scopes.includes(scope));
    if (missing.length === 0) return;
    // Setting the whole scope string is idempotent, so it may be resent.
    await this.graph.call({ method: 'PATCH', path: `/oauth2PermissionGrants/${encodeURIComponent(grant.id)}`, body: { scope: [...scopes, ...missing].join(' ') }, retrySafe: true });
  }

  /** Microsoft's API service principals do not change: looked up once each. */
  private async resourceServicePrincipalId(resourceAppId: string): Promise<string | undefined> {
    const known = this.resourceIds.get(resourceAppId);
    if (known) return known;
    const found = await this.registrations.servicePrincipalId(resourceAppId);
    if (found) this.resourceIds.set(resourceAppId, found);
    return found;
  }

  private async findGrant(clientId: string, resourceId: string): Promise<PermissionGrant | undefined> {
    return (await this.grantsOf(clientId))?.find((grant) => grant.resourceId === resourceId && grant.consentType === 'AllPrincipals');
  }

  private async grantsOf(clientId: string): Promise<PermissionGrant[] | undefined> {
    const response = await this.graph.send({ method: 'GET', path: `/oauth2PermissionGrants?${filter('clientId', clientId)}` });
    if (response.status !== 200) return undefined;
    return this.graph.expectOk<{ value?: PermissionGrant[] }>(response).value;
  }
}
