import { join } from 'node:path';
import { z } from 'zod';
import { gdapStatuses, type CustomerList, type DapCheck } from '../../ipc/contract';
import type { EventSink } from '../app/events';
import { noEvents } from '../app/events';
import { toUserFacingError } from '../app/userFacingError';
import type { CloudEndpoints } from '../config/cloud';
import { mapWithConcurrency } from '../customerConsent/concurrency';
import type { HttpClient } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { VersionedJsonFile } from '../profiles/versionedFile';
import { carryDapAnswers, mergeCustomers, type GraphCustomer, type GraphRelationship } from './merge';
import { fetchCustomerDap, fetchGraphCollection, fetchPartnerCenterCustomers, gdapCustomersUrl, gdapRelationshipsUrl } from './sources';

export { mergeCustomers } from './merge';

/** Partner Center's one-call-per-customer DAP check, a few at a time (it throttles bursts). */
export const DAP_CHECK_CONCURRENCY = 4;

/**
 * Version 2: every GDAP relationship with status, end and roles, and DAP as Partner Center said it
 * (or 'unknown'). A version-1 file (whose DAP came from the customer list, which never says) is
 * discarded; the next fetch writes version 2.
 */
export const CUSTOMER_CACHE_VERSION = 2;
const relationshipSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(gdapStatuses),
  endsAt: z.string().nullable(),
  autoExtends: z.boolean(),
  roleIds: z.array(z.string()),
});
const customerListSchema = z.object({
  fetchedAt: z.string(),
  customers: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      domain: z.string(),
      inPartnerCenter: z.boolean(),
      dap: z.enum(['unknown', 'yes', 'no']),
      dapCheckedAt: z.string().optional(),
      relationships: z.array(relationshipSchema),
    }),
  ),
});

/**
 * The partner's customer tenants, from three sources fetched side by side: Partner Center's
 * customer list (continuation paging), and Microsoft Graph's delegatedAdminCustomers and
 * delegatedAdminRelationships ($skiptoken paging), merged by tenant id. DAP is not in any list:
 * checkDap asks Partner Center per customer, when a customer is looked at. The last list is cached
 * on disk (names, ids, relationships, DAP answers; never tokens) so the app opens with it at once;
 * while a refresh runs, 'tenants.progress' events say how far it got.
 */
export class CustomerTenantService {
  private readonly refreshing = new Map<string, Promise<CustomerList>>();
  private readonly dapChecks = new Map<string, Promise<DapCheck>>();
  /** Cache writes per profile, one after another (a DAP answer must not be lost to a refresh). */
  private readonly cacheWrites = new Map<string, Promise<unknown>>();

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly keeper: RefreshTokenKeeper,
    private readonly home: string,
    private readonly now: () => Date = () => new Date(),
    private readonly events: EventSink = noEvents,
  ) {}

  async list(profileId: string, refresh: boolean, signal?: AbortSignal): Promise<CustomerList> {
    if (!refresh) {
      const cached = await this.cached(profileId);
      if (cached) return { ...cached, fromCache: true };
    }
    // A refresh already under way for this profile answers a second caller too.
    let running = this.refreshing.get(profileId);
    if (!running) {
      running = this.fetch(profileId, signal).finally(() => this.refreshing.delete(profileId));
      this.refreshing.set(profileId, running);
    }
    return running;
  }

  /** The list saved last time, or undefined before the first fetch (or if it cannot be read). */
  async cached(profileId: string): Promise<CustomerList | undefined> {
    return this.cacheFile(profileId).read().catch(() => undefined);
  }

  /**
   * Whether each customer allows DAP, from Partner Center (GET /v1/customers/{id}, at most
   * DAP_CHECK_CONCURRENCY at once; a check already running for a customer is shared). Customers
   * Partner Center does not list need no call. The answers are kept in the saved list.
   */
  async checkDap(profileId: string, customerTenantIds: readonly string[], signal?: AbortSignal): Promise<DapCheck[]> {
    const saved = new Map((await this.cached(profileId))?.customers.map((c) => [c.tenantId, c]) ?? []);
    let accessToken: Promise<string> | undefined;
    const token = () =>
      (accessToken ??= this.keeper.profile(profileId).then(async (profile) => (await this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter', signal)).accessToken));
    const checks = await mapWithConcurrency(customerTenantIds, DAP_CHECK_CONCURRENCY, (tenantId) => {
      const customer = saved.get(tenantId);
      if (customer && !customer.inPartnerCenter) return Promise.resolve<DapCheck>({ tenantId, dap: 'no' });
      const key = `${profileId}/${tenantId}`;
      let check = this.dapChecks.get(key);
      if (!check) {
        check = (async (): Promise<DapCheck> => {
          try {
            const dap = await fetchCustomerDap(this.http, this.cloud, await token(), tenantId, signal);
            return { tenantId, dap, checkedAt: this.now().toISOString() };
          } catch (error) {
            return { tenantId, dap: customer?.dap ?? 'unknown', checkedAt: customer?.dapCheckedAt, error: toUserFacingError(error) };
          }
        })().finally(() => this.dapChecks.delete(key));
        this.dapChecks.set(key, check);
      }
      return check;
    });
    const answers = new Map(checks.filter((check) => check.checkedAt && !check.error).map((check) => [check.tenantId, check]));
    if (answers.size > 0) {
      await this.updateCache(profileId, (list) =>
        list && {
          ...list,
          customers: list.customers.map((c) => {
            const answer = answers.get(c.tenantId);
            return answer ? { ...c, dap: answer.dap, dapCheckedAt: answer.checkedAt } : c;
          }),
        },
      );
    }
    return checks;
  }

  private async fetch(profileId: string, signal?: AbortSignal): Promise<CustomerList> {
    const expected = (await this.cached(profileId))?.customers.length;
    const profile = await this.keeper.profile(profileId);
    const [partnerCenter, graph] = await Promise.all([
      this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter', signal),
      this.keeper.redeem(profileId, profile.partnerTenantId, 'graph', signal),
    ]);
    const seen = new Set<string>();
    const progress = (tenantIds: Iterable<string | undefined>) => {
      for (const tenantId of tenantIds) if (tenantId) seen.add(tenantId.toLowerCase());
      this.events.emit('tenants.progress', { profileId, loaded: seen.size, expected });
    };
    const [resellerCustomers, gdapCustomers, gdapRelationships] = await Promise.all([
      fetchPartnerCenterCustomers(this.http, this.cloud, partnerCenter.accessToken, (page) => progress(page.map((c) => c.tenantId)), signal),
      fetchGraphCollection<GraphCustomer>(this.http, gdapCustomersUrl(this.cloud), graph.accessToken, (page) => progress(page.map((c) => c.tenantId)), signal),
      fetchGraphCollection<GraphRelationship>(this.http, gdapRelationshipsUrl(this.cloud), graph.accessToken, (page) => progress(page.map((r) => r.customer?.tenantId)), signal),
    ]);
    const now = this.now();
    const merged = mergeCustomers(resellerCustomers, gdapRelationships, gdapCustomers, now.getTime());
    return this.updateCache(profileId, (previous) => ({ customers: carryDapAnswers(merged, previous?.customers), fetchedAt: now.toISOString() }));
  }

  /** Reads, changes and writes the saved list, one change at a time per profile. */
  private updateCache<T extends CustomerList | undefined>(profileId: string, change: (list: CustomerList | undefined) => T): Promise<T> {
    const previous = this.cacheWrites.get(profileId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const updated = change(await this.cached(profileId));
      if (updated) await this.cacheFile(profileId).write(updated);
      return updated;
    });
    this.cacheWrites.set(profileId, next.catch(() => undefined));
    return next;
  }

  private cacheFile(profileId: string): VersionedJsonFile<CustomerList | undefined> {
    return new VersionedJsonFile(join(this.home, `customers-${profileId}.json`), CUSTOMER_CACHE_VERSION, customerListSchema, () => undefined, 'discard');
  }
}
