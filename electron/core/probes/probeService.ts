import type { AccessResource } from '../../ipc/accessCheck';
import type { CustomerTenant } from '../../ipc/customers';
import { givesAccess } from '../../ipc/relationships';
import type { CustomerProbe, ProbeOutcome, ProbeReport, ProbeResults } from '../../ipc/readiness';
import { BatchRedeemer } from '../accessCheck/batchRedeemer';
import { mayBeCustomerPolicy } from '../accessCheck/customerPolicy';
import { PartnerTenantProbe, failsForEveryCustomer, isCancellation } from '../accessCheck/outcomes';
import type { GateClock } from '../accessCheck/throttleGate';
import { ThrottledRuns } from '../accessCheck/throttledRuns';
import type { EventSink } from '../app/events';
import type { CloudEndpoints } from '../../shared/cloud';
import type { HttpClient } from '../http/httpClient';
import { ServiceError } from '../http/serviceError';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { TokenClient } from '../identity/tokenClient';
import type { CustomerTenantService } from '../tenants/customerTenants';
import { fetchCustomerDap } from '../tenants/sources';
import type { SecretVault } from '../vault/secretVault';
import { fetchAccessAssignments, fetchMyGroupIds, rolesHeld, type AccessAssignment } from './gdapAccess';
import { probe } from './probeCalls';
import type { ProbeStore } from './probeStore';
import { Progress } from '../accessCheck/progress';
import { tokenFailure } from './tokenOutcome';

export interface ProbeRequest {
  profileId: string;
  resources: AccessResource[];
  /** Omitted: every customer in the (cached) list. */
  customerTenantIds?: string[];
  concurrency: number;
}

export interface ProbeCollaborators {
  cloud: CloudEndpoints;
  keeper: RefreshTokenKeeper;
  vault: SecretVault;
  customers: CustomerTenantService;
  store: ProbeStore;
  /** An HTTP client whose retry waits use `sleep`: the run's throttle gate. */
  httpWithSleep: (sleep: (ms: number, signal?: AbortSignal) => Promise<void>) => HttpClient;
  events?: EventSink;
  clock?: GateClock;
  flushEveryMs?: number;
}

type Task = { row: CustomerProbe; customer?: CustomerTenant } & ({ kind: 'cell'; resource: AccessResource } | { kind: 'gdap' });

/**
 * "Check access": per customer and resource, a token minted in the customer's tenant and one cheap,
 * read-only call with it (probeCalls.ts), and for GDAP customers which roles the admin's security
 * groups hold there (gdapAccess.ts). A bounded pool behind one throttle gate, progress events,
 * cancel() (cells not reached are skipped), results saved with their time (probeStore.ts).
 */
export class ProbeService {
  private readonly runs: ThrottledRuns;

  constructor(private readonly collaborators: ProbeCollaborators) {
    this.runs = new ThrottledRuns(collaborators);
  }

  async run(request: ProbeRequest): Promise<ProbeReport> {
    const abort = this.runs.start();
    const { signal } = abort;
    const { keeper, vault, cloud, customers, store } = this.collaborators;
    const startedAt = this.runs.isoNow();
    try {
      const listed = new Map((await customers.list(request.profileId, false)).customers.map((customer) => [customer.tenantId, customer]));
      const tenantIds = request.customerTenantIds ?? [...listed.keys()];
      const gate = this.runs.gate(request.concurrency);
      const http = gate.wrap(this.collaborators.httpWithSleep((ms, sleepSignal) => gate.pause(ms, sleepSignal)));
      const redeemer = await BatchRedeemer.open(request.profileId, { keeper, vault, tokens: new TokenClient(cloud, http) }, { now: () => this.runs.clock.now(), flushEveryMs: this.collaborators.flushEveryMs });
      const { partnerTenantId } = await keeper.profile(request.profileId);
      const once = <T,>(make: () => Promise<T>) => {
        let value: Promise<T> | undefined;
        return () => (value ??= make());
      };
      const partnerGraph = once(() => redeemer.redeem(partnerTenantId, 'graph', signal));
      const partnerCenter = once(() => redeemer.redeem(partnerTenantId, 'partnercenter', signal));
      const myGroups = once(async () => fetchMyGroupIds(http, cloud, (await partnerGraph()).accessToken, signal));
      // A customer's own Conditional Access fails only there: the partner tenant answering says so.
      const partnerTenant = new PartnerTenantProbe(partnerGraph);

      const rows: CustomerProbe[] = tenantIds.map((tenantId) => ({ tenantId, checkedAt: startedAt, results: {} }));
      const nowMs = this.runs.clock.now();
      const tasks: Task[] = rows.flatMap((row) => {
        const customer = listed.get(row.tenantId);
        const cells: Task[] = request.resources.map((resource) => ({ kind: 'cell', resource, row, customer }));
        const usable = customer?.relationships.filter((relationship) => givesAccess(relationship, nowMs)) ?? [];
        const rolesMatter = request.resources.some((resource) => resource === 'graph' || resource === 'exchange');
        return rolesMatter && customer?.dap !== 'yes' && usable.length > 0 ? [{ kind: 'gdap', row, customer }, ...cells] : cells;
      });
      const progress = new Progress(this.runs.events, 'probes.progress', request.profileId, tasks.length, this.runs.clock);

      let fatal: unknown;
      const cell = async (task: Extract<Task, { kind: 'cell' }>): Promise<ProbeOutcome> => {
        const { row, resource, customer } = task;
        if (resource === 'partnercenter') {
          if (customer && !customer.inPartnerCenter) return notInPartnerCenter;
          const dap = await fetchCustomerDap(http, cloud, (await partnerCenter()).accessToken, row.tenantId, signal);
          row.dap = dap === 'yes' ? 'yes' : 'no';
          return { status: 'ok', detail: `Partner Center lists this customer${dap === 'yes' ? ' (DAP allowed)' : ''}` };
        }
        let accessToken: string;
        try {
          accessToken = (await redeemer.redeem(row.tenantId, resource, signal)).accessToken;
        } catch (error) {
          if (mayBeCustomerPolicy(error) && row.tenantId !== partnerTenantId) {
            const partner = await partnerTenant.check();
            if (partner.ok) return tokenFailure(error, { customerPolicy: true });
            throw partner.error;
          }
          throw error;
        }
        return probe(http, cloud, resource, row.tenantId, accessToken, signal);
      };
      const gdap = async (task: Task) => {
        const usable = task.customer!.relationships.filter((relationship) => givesAccess(relationship, nowMs));
        try {
          const { accessToken } = await partnerGraph();
          const groups = await myGroups();
          const assignments = new Map<string, AccessAssignment[]>();
          for (const relationship of usable) assignments.set(relationship.id, await fetchAccessAssignments(http, cloud, accessToken, relationship.id, signal));
          task.row.gdap = rolesHeld(usable, assignments, groups);
        } catch (error) {
          if (isCancellation(error) || failsForEveryCustomer(error)) throw error;
          task.row.gdap = { heldRoleIds: [], notAssignedToYou: [], error: error instanceof Error ? error.message : String(error) };
        }
      };

      let next = 0;
      const worker = async () => {
        while (next < tasks.length && !signal.aborted) {
          const task = tasks[next++]!;
          let failed = false;
          try {
            if (task.kind === 'gdap') await gdap(task);
            else {
              const outcome = await cell(task);
              task.row.results[task.resource] = outcome;
              failed = outcome.status === 'failed';
            }
          } catch (error) {
            if (isCancellation(error) && signal.aborted) break;
            if (failsForEveryCustomer(error)) {
              fatal ??= error;
              abort.abort();
              break;
            }
            if (task.kind === 'cell') task.row.results[task.resource] = failure(error);
            failed = true;
          }
          progress.done(failed);
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(request.concurrency, Math.max(tasks.length, 1)) }, worker));
      } finally {
        await redeemer.flush();
      }
      if (fatal) throw fatal;
      progress.finish();
      for (const row of rows) for (const resource of request.resources) row.results[resource] ??= { status: 'skipped' };
      const report: ProbeReport = { profileId: request.profileId, resources: request.resources, startedAt, finishedAt: this.runs.isoNow(), cancelled: signal.aborted, customers: rows };
      await store.save(report);
      return report;
    } finally {
      this.runs.finished(abort);
    }
  }

  cancel(): void {
    this.runs.cancel();
  }

  results(profileId: string): Promise<ProbeResults> {
    return this.collaborators.store.results(profileId);
  }
}

const notInPartnerCenter: ProbeOutcome = {
  status: 'failed',
  step: 'call',
  problem: 'not-in-partner-center',
  label: 'Not in Partner Center',
  reason: 'Partner Center does not list this customer (there is no reseller relationship).',
  action: 'Work with this customer through GDAP (Graph, Exchange), or set up a reseller relationship in Partner Center.',
};

/** A refused token or a failed call (Partner Center's answer, the network), as a cell. */
function failure(error: unknown): ProbeOutcome {
  if (error instanceof ServiceError) {
    const throttled = error.status === 429;
    return { status: 'failed', step: 'call', problem: throttled ? 'throttled' : 'other', label: throttled ? 'Throttled' : `HTTP ${error.status}`, reason: error.message, action: 'Run Check access again later.' };
  }
  return tokenFailure(error);
}
