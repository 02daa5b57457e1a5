/**
 * What readiness checks found, kept per profile (`probes-<profile>.json`, tenant ids and outcomes
 * only, never a token): the last run as it was, and each customer's newest results, merged across
 * runs so a check of ten customers does not forget the other thousand. A cache: a file of another
 * version reads as empty.
 */
import { profileFiles } from '../profiles/profileFiles';
import { z } from 'zod';
import type { CustomerProbe, ProbeReport, ProbeResults } from '../../ipc/readiness';
import { VersionedJsonFile } from '../profiles/versionedFile';

const resource = z.enum(['azure', 'graph', 'exchange', 'partnercenter']);
const outcome = z.union([
  z.object({ status: z.literal('ok'), detail: z.string().optional() }),
  z.object({
    status: z.literal('failed'),
    step: z.enum(['token', 'call']),
    problem: z.enum(['not-consented', 'no-access', 'customer-policy', 'no-service', 'role-missing', 'no-subscription', 'not-in-partner-center', 'sign-in', 'throttled', 'network', 'other']),
    label: z.string(),
    reason: z.string(),
    action: z.string().optional(),
    code: z.string().optional(),
  }),
  z.object({ status: z.literal('skipped') }),
]);
const customerProbe = z.object({
  tenantId: z.string(),
  checkedAt: z.string(),
  results: z.partialRecord(resource, outcome),
  gdap: z.object({ heldRoleIds: z.array(z.string()), notAssignedToYou: z.array(z.string()), error: z.string().optional() }).optional(),
  dap: z.enum(['yes', 'no']).optional(),
});
const report = z.object({
  profileId: z.string(),
  resources: z.array(resource),
  startedAt: z.string(),
  finishedAt: z.string(),
  cancelled: z.boolean(),
  customers: z.array(customerProbe),
});
const results = z.object({ lastRun: report.nullable(), byTenant: z.record(z.string(), customerProbe) });

export class ProbeStore {
  /** Writes per profile, one after another (two checks finishing together must not lose one). */
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(private readonly home: string) {}

  async results(profileId: string): Promise<ProbeResults> {
    return this.file(profileId).read();
  }

  /** Keeps the run and folds its results into each customer's newest ones (a skipped cell keeps the older result). */
  save(run: ProbeReport): Promise<ProbeResults> {
    const previous = this.writes.get(run.profileId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const saved = await this.results(run.profileId).catch((): ProbeResults => ({ lastRun: null, byTenant: {} }));
      const byTenant = { ...saved.byTenant };
      for (const customer of run.customers) byTenant[customer.tenantId] = merged(byTenant[customer.tenantId], customer);
      const updated: ProbeResults = { lastRun: run, byTenant };
      await this.file(run.profileId).write(updated);
      return updated;
    });
    this.writes.set(run.profileId, next.catch(() => undefined));
    return next;
  }

  private file(profileId: string): VersionedJsonFile<ProbeResults> {
    return new VersionedJsonFile(profileFiles(this.home, profileId).probes, 1, results, () => ({ lastRun: null, byTenant: {} }), 'discard');
  }
}

function merged(before: CustomerProbe | undefined, now: CustomerProbe): CustomerProbe {
  const reached = Object.entries(now.results).filter(([, result]) => result?.status !== 'skipped');
  if (reached.length === 0 && before) return before;
  return {
    ...before,
    ...now,
    results: { ...before?.results, ...Object.fromEntries(reached) },
    ...(now.gdap ?? before?.gdap ? { gdap: now.gdap ?? before?.gdap } : {}),
    ...(now.dap ?? before?.dap ? { dap: now.dap ?? before?.dap } : {}),
  };
}
