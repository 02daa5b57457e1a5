import type { CustomerTenant } from '../../ipc/customers';
import type { ReadinessVerdict } from '../../ipc/readiness';
import { snippetModuleSchema, type SnippetModule } from '../../ipc/schemas';
import { displayText } from '../../ipc/displayText';
import { checkableModules, requirementOf } from '../../shared/moduleRequirements';
import { judgeReadiness } from '../../shared/readiness';
import { snippetCatalog } from '../../shared/snippetCatalog';
import { pickProfile, UsageError, type CliCommand } from '../context';
import { resolveTenant } from './token';

/** One line of `samdesk check --json`: a customer × module. */
export interface CheckEntry {
  tenantId: string;
  customerName: string;
  module: SnippetModule;
  ready: boolean | null;
  reason: string;
  fix: string | null;
}

const CONCURRENCY = 8;

/**
 * `samdesk check`: runs the readiness probes (a token and one read-only call per resource) for the
 * customers and modules asked, and prints the verdicts. It exits 0 whenever it ran, whatever it found:
 * a "not ready" is a finding, not a failure of the command.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Will each module work for each customer? [--module M]... [--customer ID|DOMAIN]... [--json]',
  options: { module: { type: 'string', multiple: true }, customer: { type: 'string', multiple: true } },
  async run({ services, lists, profile, print, stderr }) {
    const profileId = await pickProfile(services, profile);
    const modules = (lists.module ?? [...checkableModules]).map(parseModule);
    const { customers } = await services.customers.list(profileId, false);
    const byId = new Map(customers.map((customer) => [customer.tenantId, customer]));
    const wanted: CustomerTenant[] = [];
    for (const value of lists.customer ?? []) {
      const tenantId = await resolveTenant(services, profileId, value);
      const customer = byId.get(tenantId);
      if (!customer) throw new UsageError(`${value} is not in your customer list. Run samdesk customers --refresh if it is new.`);
      if (!wanted.includes(customer)) wanted.push(customer);
    }
    const checked = lists.customer ? wanted : customers;
    const resources = [...new Set(modules.flatMap((module) => requirementOf(module).probes.map((entry) => entry.resource)))];
    if (resources.length > 0 && checked.length > 0) {
      await services.probes.run({ profileId, resources, customerTenantIds: checked.map((customer) => customer.tenantId), concurrency: CONCURRENCY });
    }
    const { byTenant } = await services.probes.results(profileId);
    const nowMs = Date.now();
    const entries: CheckEntry[] = checked.flatMap((customer) =>
      modules.map((module) => toEntry(customer, judgeReadiness({ customer, module, probe: byTenant[customer.tenantId], nowMs }))),
    );
    if (checked.length === 0) stderr.write('samdesk: no customers to check (the customer list is empty).\n');
    print(entries, matrix(checked, modules, entries));
    return 0;
  },
};

function parseModule(value: string): SnippetModule {
  const module = snippetModuleSchema.options.find((option) => option === value.toLowerCase());
  if (!module) throw new UsageError(`Unknown module “${value}”: use --module ${snippetModuleSchema.options.join('|')}.`);
  return module;
}

function toEntry(customer: CustomerTenant, verdict: ReadinessVerdict): CheckEntry {
  return {
    tenantId: customer.tenantId,
    customerName: customer.name,
    module: verdict.module,
    ready: verdict.readiness === 'ready' ? true : verdict.readiness === 'not-ready' ? false : null,
    reason: verdict.reason,
    fix: verdict.fix ?? null,
  };
}

const WORD = { true: 'ready', false: 'NOT READY', null: 'unknown' } as const;

/** A table of customers × modules, then each verdict that is not "ready" with its reason and fix. */
function matrix(customers: readonly CustomerTenant[], modules: readonly SnippetModule[], entries: readonly CheckEntry[]): string {
  const names = customers.map((customer) => displayText(customer.name));
  const width = Math.min(40, Math.max('Customer'.length, ...names.map((name) => name.length)));
  const columns = modules.map((module) => Math.max(snippetCatalog[module].title.length, 'NOT READY'.length));
  const cell = (text: string, size: number) => (text.length > size ? `${text.slice(0, size - 1)}…` : text.padEnd(size));
  const lines = [[cell('Customer', width), ...modules.map((module, i) => cell(snippetCatalog[module].title, columns[i]!))].join('  ').trimEnd()];
  customers.forEach((customer, row) => {
    const verdicts = modules.map((module, i) => cell(WORD[String(entries.find((entry) => entry.tenantId === customer.tenantId && entry.module === module)!.ready) as keyof typeof WORD], columns[i]!));
    lines.push([cell(names[row]!, width), ...verdicts].join('  ').trimEnd());
  });
  const notReady = entries.filter((entry) => entry.ready !== true);
  if (notReady.length > 0) {
    lines.push('', 'Not ready or not known:');
    for (const entry of notReady) {
      lines.push(`  ${displayText(entry.customerName)} · ${snippetCatalog[entry.module].title}: ${entry.reason}`);
      if (entry.fix) lines.push(`    Fix: ${entry.fix}`);
    }
  }
  return lines.join('\n');
}
