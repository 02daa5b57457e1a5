/**
 * What readiness checks found, kept per profile (`probes-<profile>.json`, tenant ids and outcomes
 * only, never a token): the last run as it was, and each customer's newest results, merged across
 * runs so a check of ten customers does not forget the other thousand. A cache: a file of another
 * version reads as empty.
 */
import { profileFiles } from '../profiles/profileFiles';
import { probeResultsSchema, type CustomerProbe, type ProbeReport, type ProbeResults } from '../../ipc/readiness';
import { VersionedJsonFile } from '../profiles/versionedFile';

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
    return new VersionedJsonFile(profileFiles(this.home, profileId).probes, 1, probeResultsSchema, () => ({ lastRun: null, byTenant: {} }), 'discard');
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
