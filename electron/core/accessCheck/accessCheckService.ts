import { setMaxListeners } from 'node:events';
import { profileFiles } from '../profiles/profileFiles';
import { accessCheckReportSchema, type AccessCheckReport, type AccessOutcome, type AccessResource, type CustomerAccess } from '../../ipc/accessCheck';
import type { EventSink } from '../app/events';
import type { CloudEndpoints } from '../../shared/cloud';
import type { HttpClient } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { TokenClient } from '../identity/tokenClient';
import { VersionedJsonFile } from '../profiles/versionedFile';
import type { CustomerTenantService } from '../tenants/customerTenants';
import type { SecretVault } from '../vault/secretVault';
import { BatchRedeemer } from './batchRedeemer';
import { describeCustomerPolicy, mayBeCustomerPolicy } from './customerPolicy';
import { PartnerTenantProbe, describeFailure, failsForEveryCustomer, isCancellation, isThrottling } from './outcomes';
import type { GateClock, ThrottleGate } from './throttleGate';
import { ThrottledRuns } from './throttledRuns';
import { Progress } from './progress';

export interface AccessCheckRequest {
  profileId: string;
  resources: AccessResource[];
  /** Omitted: every customer in the (cached) list. */
  customerTenantIds?: string[];
  /** At most this many requests at once; the throttle gate starts with fewer and adapts (throttleGate.ts). */
  concurrency: number;
}

export interface AccessCheckCollaborators {
  cloud: CloudEndpoints;
  keeper: RefreshTokenKeeper;
  vault: SecretVault;
  customers: CustomerTenantService;
  home: string;
  /** An HTTP client whose retry waits use `sleep`: the pool's throttle gate. */
  httpWithSleep: (sleep: (ms: number, signal?: AbortSignal) => Promise<void>) => HttpClient;
  events?: EventSink;
  clock?: GateClock;
  /** How often the newest rotated refresh token is written during a long check. */
  flushEveryMs?: number;
}

/** A cell still throttled after the HTTP client's own retries goes back in the queue this often… */
const MAX_REQUEUES = 3;
/** …as long as Microsoft asks for no longer a wait than this; beyond it the cell says "Throttled". */
const MAX_REQUEUE_WAIT_MS = 60_000;

/**
 * "Check access": mints a token per customer per resource with a pool of workers whose requests all
 * pass one throttle gate (adaptive concurrency: it grows while Microsoft answers fast and backs off
 * when throttled), and reports a matrix of ok / plain-language failures. A cell throttled even
 * after the HTTP client's retries is asked again later rather than reported as failed. One check runs
 * at a time; cancel() stops it (cells not reached are "skipped"). The last report is saved per
 * profile (tenant ids and outcomes only) so the list shows each customer's status next time.
 */
export class AccessCheckService {
  private readonly runs: ThrottledRuns;

  constructor(private readonly collaborators: AccessCheckCollaborators) {
    this.runs = new ThrottledRuns(collaborators);
  }

  /** The gate of the running or last check (tests and the benchmark read its pauses and trace). */
  gate: ThrottleGate | undefined;
  /** The keychain writes the last run made (the benchmark reports them). */
  lastRunKeychainWrites = 0;

  async run(request: AccessCheckRequest): Promise<AccessCheckReport> {
    const abort = this.runs.start();
    // Every request in flight and every one waiting at the gate listens for a cancel.
    setMaxListeners(4 * request.concurrency + 16, abort.signal);
    const { keeper, vault, cloud, customers } = this.collaborators;
    const startedAt = this.runs.isoNow();
    try {
      const tenantIds = request.customerTenantIds ?? (await customers.list(request.profileId, false)).customers.map((c) => c.tenantId);
      const gate = this.runs.gate(request.concurrency);
      this.gate = gate;
      const gatedHttp = gate.wrap(this.collaborators.httpWithSleep((ms, signal) => gate.pause(ms, signal)));
      const redeemer = await BatchRedeemer.open(
        request.profileId,
        { keeper, vault, tokens: new TokenClient(cloud, gatedHttp) },
        { now: () => this.runs.clock.now(), flushEveryMs: this.collaborators.flushEveryMs },
      );
      const { partnerTenantId } = await keeper.profile(request.profileId);
      // MFA, sign-in frequency or a block in one customer may be that customer's own policy: the
      // partner tenant answering still means the partner's token is fine and the check goes on.
      const partnerTenant = new PartnerTenantProbe(() => redeemer.redeem(partnerTenantId, 'graph', abort.signal));
      const rows: CustomerAccess[] = tenantIds.map((tenantId) => ({ tenantId, results: {} }));
      const cells = rows.flatMap((row) => request.resources.map((resource) => ({ row, resource, requeued: 0 })));
      const progress = new Progress(this.runs.events, 'accessCheck.progress', request.profileId, cells.length, this.runs.clock);
      let fatal: unknown;
      let next = 0;
      const worker = async () => {
        while (next < cells.length && !abort.signal.aborted) {
          const cell = cells[next++]!;
          const { row, resource } = cell;
          let outcome: AccessOutcome;
          try {
            await redeemer.redeem(row.tenantId, resource, abort.signal);
            outcome = { status: 'ok' };
          } catch (error) {
            if (isCancellation(error) && abort.signal.aborted) break;
            if (isThrottling(error) && cell.requeued < MAX_REQUEUES && gate.closedForMs() <= MAX_REQUEUE_WAIT_MS) {
              // The gate is closed for the Retry-After: the cell waits there with the others.
              cell.requeued++;
              cells.push(cell);
              continue;
            }
            let everyCustomer = failsForEveryCustomer(error) ? error : undefined;
            outcome = describeFailure(error);
            if (mayBeCustomerPolicy(error) && row.tenantId !== partnerTenantId) {
              const partner = await partnerTenant.check();
              if (partner.ok) [everyCustomer, outcome] = [undefined, describeCustomerPolicy(error)];
              else if (isCancellation(partner.error) && abort.signal.aborted) break;
              else if (failsForEveryCustomer(partner.error)) everyCustomer = partner.error;
            }
            if (everyCustomer) {
              fatal ??= everyCustomer;
              abort.abort();
              break;
            }
          }
          row.results[resource] = outcome;
          progress.done(outcome.status === 'failed');
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(request.concurrency, Math.max(cells.length, 1)) }, worker));
      } finally {
        await redeemer.flush();
        this.lastRunKeychainWrites = redeemer.writes;
      }
      if (fatal) throw fatal;
      progress.finish();
      for (const row of rows) for (const resource of request.resources) row.results[resource] ??= { status: 'skipped' };
      const report: AccessCheckReport = {
        profileId: request.profileId,
        resources: request.resources,
        startedAt,
        finishedAt: this.runs.isoNow(),
        cancelled: abort.signal.aborted,
        customers: rows,
      };
      await this.reportFile(request.profileId).write(report);
      return report;
    } finally {
      this.runs.finished(abort);
    }
  }

  cancel(): void {
    this.runs.cancel();
  }

  async last(profileId: string): Promise<AccessCheckReport | null> {
    return (await this.reportFile(profileId).read().catch(() => undefined)) ?? null;
  }

  private reportFile(profileId: string): VersionedJsonFile<AccessCheckReport | undefined> {
    return new VersionedJsonFile(profileFiles(this.collaborators.home, profileId).accessCheck, 1, accessCheckReportSchema, () => undefined);
  }
}
