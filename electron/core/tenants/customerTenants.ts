import type { CustomerList, DapCheck } from '../../ipc/customers';
import type { EventSink } from '../app/events';
import { noEvents } from '../app/events';
import { toUserFacingError } from '../app/userFacingError';
import type { CloudEndpoints } from '../../shared/cloud';
import { mapWithConcurrency } from '../customerConsent/concurrency';
import type { HttpClient } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { CustomerListCache } from './customerCache';
import type { ResourceName } from '../../shared/cloud';
import { CustomerMerger, carryDapAnswers } from './merge';
import { customerSources } from './sourceRegistry';
import { fetchCustomerDap } from './sources';


/** Partner Center's one-call-per-customer DAP check, a few at a time (it throttles bursts). */
const DAP_CHECK_CONCURRENCY = 4;

/**
 * The partner's customer tenants, from every source in the registry (sourceRegistry.ts: Partner
 * Center's customer list, Microsoft Graph's delegatedAdminCustomers and delegatedAdminRelationships)
 * fetched side by side and merged by tenant id. DAP is not in any list:
 * checkDap asks Partner Center per customer, when a customer is looked at. The last list is cached
 * on disk (names, ids, relationships, DAP answers; never tokens) so the app opens with it at once;
 * while a refresh runs, 'tenants.progress' events say how far it got.
 */
export class CustomerTenantService {
  private readonly refreshing = new Map<string, Promise<CustomerList>>();
  private readonly dapChecks = new Map<string, Promise<DapCheck>>();
  private readonly cache: CustomerListCache;

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly keeper: RefreshTokenKeeper,
    private readonly home: string,
    private readonly now: () => Date = () => new Date(),
    private readonly events: EventSink = noEvents,
  ) {
    this.cache = new CustomerListCache(home);
  }

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
  cached(profileId: string): Promise<CustomerList | undefined> {
    return this.cache.get(profileId);
  }

  /**
   * The saved list's first `count` customers and its size, fast even before the whole list has been
   * read (the window's first screen); undefined when there is no saved list to take them from.
   */
  async firstScreen(profileId: string, count: number): Promise<(CustomerList & { total: number }) | undefined> {
    const screen = await this.cache.firstScreen(profileId, count);
    return screen && { ...screen.list, total: screen.total, fromCache: true };
  }

  /** Resolves once the saved list is on disk (it is written in the background); rejects if that failed. */
  written(profileId: string): Promise<void> {
    return this.cache.written(profileId);
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
      await this.cache.change(profileId, (list) =>
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

  /**
   * Every source side by side, each page merged while the next is in flight; what is left when
   * the last page arrives is the sort. The saved list is not read on the way (the one in memory
   * says how many to expect) and the new one is written after the answer, in the background.
   */
  private async fetch(profileId: string, signal?: AbortSignal): Promise<CustomerList> {
    const sources = customerSources;
    let expected: number | undefined;
    const previous = this.cache.get(profileId).then((list) => (expected = list?.customers.length));
    const profile = await this.keeper.profile(profileId);
    // One access token per resource, all redeemed before any source starts (as before the registry).
    const resources = [...new Set(sources.map((source) => source.resource))];
    const redeemed = await Promise.all(resources.map((resource) => this.keeper.redeem(profileId, profile.partnerTenantId, resource, signal)));
    const tokens = new Map<ResourceName, string>(resources.map((resource, i) => [resource, redeemed[i]!.accessToken]));
    const merger = new CustomerMerger();
    const progress = () => this.events.emit('tenants.progress', { profileId, loaded: merger.size, expected });
    await Promise.all([
      ...sources.map((source) => source.fetch(this.http, this.cloud, tokens.get(source.resource)!, (page) => (source.merge(merger, page), progress()), signal)),
      previous,
    ]);
    const now = this.now();
    const merged = merger.result(now.getTime());
    return this.cache.change(profileId, (list) => ({ customers: carryDapAnswers(merged, list?.customers), fetchedAt: now.toISOString() }));
  }
}
