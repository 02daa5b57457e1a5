import type { AccessCheckReport } from '../../../../electron/ipc/accessCheck';

export interface FailureGroup {
  label: string;
  reason: string;
  action?: string;
  /** Customers with at least one resource failing this way. */
  customers: number;
}

export interface ReportSummary {
  ok: number;
  failed: number;
  skipped: number;
  /** Most common first: what to fix, once per reason rather than once per cell. */
  failures: FailureGroup[];
}

export function summarizeReport(report: AccessCheckReport): ReportSummary {
  const summary: ReportSummary = { ok: 0, failed: 0, skipped: 0, failures: [] };
  const groups = new Map<string, FailureGroup & { tenantIds: Set<string> }>();
  for (const customer of report.customers) {
    for (const outcome of Object.values(customer.results)) {
      if (!outcome || outcome.status === 'skipped') summary.skipped++;
      else if (outcome.status === 'ok') summary.ok++;
      else {
        summary.failed++;
        const key = `${outcome.label}\n${outcome.reason}`;
        const group = groups.get(key) ?? { label: outcome.label, reason: outcome.reason, action: outcome.action, customers: 0, tenantIds: new Set() };
        group.tenantIds.add(customer.tenantId);
        group.customers = group.tenantIds.size;
        groups.set(key, group);
      }
    }
  }
  summary.failures = [...groups.values()]
    .map(({ tenantIds: _tenantIds, ...group }) => group)
    .sort((a, b) => b.customers - a.customers);
  return summary;
}

/** Rows with at least one failed cell: the "only failures" filter. */
export function onlyFailures(report: AccessCheckReport): AccessCheckReport['customers'] {
  return report.customers.filter((customer) => Object.values(customer.results).some((outcome) => outcome?.status === 'failed'));
}
