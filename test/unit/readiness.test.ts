import { describe, expect, it } from 'vitest';
import type { CustomerTenant, Relationship } from '../../electron/ipc/customers';
import { formatDate, formatDateTime } from '../../electron/ipc/dateTime';
import type { CustomerProbe, ProbeOutcome } from '../../electron/ipc/readiness';
import { ROLE_ID } from '../../electron/shared/entraRoles';
import { checkableModules, moduleRequirements } from '../../electron/shared/moduleRequirements';
import { judgeReadiness } from '../../electron/shared/readiness';
import { countByFilter, filterByReadiness } from '../../electron/shared/listFilters';

const NOW = Date.UTC(2026, 10, 25, 12);
const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

function relationship(overrides: Partial<Relationship> = {}): Relationship {
  return { id: 'r1', name: 'GDAP_Contoso', status: 'active', endsAt: iso(NOW + 400 * DAY), autoExtends: false, roleIds: [ROLE_ID.exchangeAdministrator, ROLE_ID.globalReader], ...overrides };
}

function customer(overrides: Partial<CustomerTenant> = {}): CustomerTenant {
  return { tenantId: 'c1', name: 'Contoso', domain: 'contoso.onmicrosoft.com', inPartnerCenter: true, dap: 'no', relationships: [relationship()], ...overrides };
}

const ok = (detail?: string): ProbeOutcome => ({ status: 'ok', ...(detail ? { detail } : {}) });
const failed = (problem: Extract<ProbeOutcome, { status: 'failed' }>['problem'], step: 'token' | 'call' = 'call', reason = `failed: ${problem}`): ProbeOutcome => ({ status: 'failed', step, problem, label: problem, reason });

function probe(results: CustomerProbe['results'], extra: Partial<CustomerProbe> = {}): CustomerProbe {
  return { tenantId: 'c1', checkedAt: iso(NOW - DAY), results, ...extra };
}

const judge = (module: Parameters<typeof judgeReadiness>[0]['module'], c: CustomerTenant, p?: CustomerProbe, consent?: Parameters<typeof judgeReadiness>[0]['consent']) =>
  judgeReadiness({ customer: c, module, probe: p, consent, nowMs: NOW });

describe('the roles table', () => {
  it('has a row for every snippet module, and a source for every row that needs roles', () => {
    expect(moduleRequirements.map((row) => row.module).sort()).toEqual(['az', 'az-aadgraph', 'azuread', 'exchange', 'exchange-legacy', 'graph', 'msonline', 'partnercenter']);
    for (const row of moduleRequirements) if (row.roles) expect(row.roles.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(checkableModules).toEqual(['az', 'graph', 'exchange', 'partnercenter']);
  });
});

describe('readiness per customer and module', () => {
  it('retired forms are not ready, with the working replacement as the fix (rule retired)', () => {
    const verdict = judge('exchange-legacy', customer({ dap: 'yes' }), probe({ exchange: ok() }));
    expect(verdict).toMatchObject({ readiness: 'not-ready', rule: 'retired', fix: 'Use the Exchange Online snippet (Connect-ExchangeOnline) instead.' });
    expect(judge('azuread', customer()).fix).toContain('Connect-MgGraph');
  });

  it('Partner Center: not ready for a customer Partner Center does not list; ready for one it lists (rule not-in-partner-center)', () => {
    expect(judge('partnercenter', customer({ inPartnerCenter: false }))).toMatchObject({ readiness: 'not-ready', rule: 'not-in-partner-center' });
    expect(judge('partnercenter', customer())).toMatchObject({ readiness: 'ready', rule: 'checked' });
    expect(judge('partnercenter', customer(), probe({ partnercenter: failed('other', 'call') }))).toMatchObject({ readiness: 'unknown', rule: 'probe-inconclusive' });
  });

  it('no DAP and an ended GDAP relationship: not ready, naming the relationship and its end date (rule relationship-ended)', () => {
    const ended = customer({ relationships: [relationship({ status: 'expired', endsAt: iso(NOW - 20 * DAY) })] });
    const verdict = judge('exchange', ended);
    expect(verdict).toMatchObject({ readiness: 'not-ready', rule: 'relationship-ended' });
    expect(verdict.reason).toBe(`Your GDAP relationship “GDAP_Contoso” with this customer ended on ${formatDate(iso(NOW - 20 * DAY))}, and there is no DAP.`);
    expect(verdict.fix).toMatch(/Create a new GDAP relationship/);
  });

  it('a relationship waiting for approval (rule relationship-pending), and none at all (rule no-relationship)', () => {
    expect(judge('graph', customer({ relationships: [relationship({ status: 'approvalPending', endsAt: null })] }))).toMatchObject({ rule: 'relationship-pending', readiness: 'not-ready' });
    expect(judge('graph', customer({ relationships: [] }))).toMatchObject({ rule: 'no-relationship', readiness: 'not-ready' });
    // DAP not asked yet: only a refused token settles it.
    expect(judge('graph', customer({ dap: 'unknown', relationships: [] })).readiness).toBe('unknown');
    expect(judge('graph', customer({ dap: 'unknown', relationships: [] }), probe({ graph: failed('no-access', 'token') })).rule).toBe('no-relationship');
  });

  it('a failed probe decides with its own reason: Conditional Access, no service, no subscription (rule probe-failed)', () => {
    const blocked = judge('exchange', customer(), probe({ exchange: failed('customer-policy', 'token', 'This customer’s Conditional Access blocks sign-ins…') }));
    expect(blocked).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed', reason: 'This customer’s Conditional Access blocks sign-ins…' });
    expect(judge('exchange', customer(), probe({ exchange: failed('no-service', 'token') })).rule).toBe('probe-failed');
    expect(judge('az', customer(), probe({ azure: failed('no-subscription'), graph: ok() }))).toMatchObject({ readiness: 'not-ready', rule: 'probe-failed' });
  });

  it('a probe that could not tell (network, throttling) leaves it unknown (rule probe-inconclusive)', () => {
    expect(judge('graph', customer({ relationships: [relationship({ roleIds: [ROLE_ID.globalReader] })] }), probe({ graph: failed('network') }))).toMatchObject({ readiness: 'unknown', rule: 'probe-inconclusive', action: 'check-access' });
  });

  it('Connect-AzAccount counts a refused Graph token but not a refused Graph call (it needs no Graph role)', () => {
    expect(judge('az', customer(), probe({ azure: ok('1 subscription'), graph: failed('role-missing', 'call') }))).toMatchObject({ readiness: 'ready', reason: `Checked ${formatDateTime(iso(NOW - DAY))}: 1 subscription.` });
    expect(judge('az', customer(), probe({ azure: ok('1 subscription'), graph: failed('not-consented', 'token') })).rule).toBe('not-consented');
  });

  it('not consented: Grant for a customer Partner Center lists, Repair for a partial consent, the admin-consent link otherwise (rule not-consented)', () => {
    const grant = judge('exchange', customer(), probe({ exchange: failed('not-consented', 'token') }));
    expect(grant).toMatchObject({ readiness: 'not-ready', rule: 'not-consented', action: 'grant-consent', reason: 'The SAM app is not consented for Exchange Online in this customer (AADSTS65001).' });
    expect(judge('exchange', customer(), undefined, { status: 'partial', missing: ['exchange'] })).toMatchObject({ rule: 'not-consented', action: 'repair-consent' });
    // A Graph token was issued, so a consent exists without Exchange: Repair, not a second grant (Partner Center refuses it).
    expect(judge('exchange', customer(), probe({ exchange: failed('not-consented', 'token'), graph: ok() }))).toMatchObject({ rule: 'not-consented', action: 'repair-consent' });
    expect(judge('graph', customer(), undefined, { status: 'partial', missing: ['exchange'] }).rule).not.toBe('not-consented');
    expect(judge('graph', customer({ inPartnerCenter: false }), undefined, { status: 'not-consented' }).fix).toMatch(/admin-consent link/);
    // Consented on the consent screen after the last check: that check's "not consented" is stale.
    expect(judge('exchange', customer(), probe({ exchange: failed('not-consented', 'token') }), { status: 'consented', checkedAt: iso(NOW) })).toMatchObject({ readiness: 'unknown', action: 'check-access' });
  });

  it('Exchange for a GDAP customer holding Global Reader but not Exchange Administrator: not ready, naming the role (rule role-read-only)', () => {
    const limited = customer({ relationships: [relationship({ roleIds: [ROLE_ID.globalReader, ROLE_ID.helpdeskAdministrator] })] });
    const verdict = judge('exchange', limited);
    expect(verdict).toMatchObject({ readiness: 'not-ready', rule: 'role-read-only' });
    expect(verdict.reason).toBe('Here you hold Global Reader, which only reads Exchange settings (Get- cmdlets). To manage Exchange Online you need Exchange Administrator (or Global Administrator).');
    // The probe answering (Global Reader may run Get-OrganizationConfig) does not make it ready.
    expect(judge('exchange', limited, probe({ exchange: ok() }, { gdap: { heldRoleIds: [ROLE_ID.globalReader], notAssignedToYou: [] } })).rule).toBe('role-read-only');
  });

  it('the relationship grants the role, but to no group the admin is in (rule role-not-assigned-to-you)', () => {
    const verdict = judge('exchange', customer(), probe({ exchange: ok() }, { gdap: { heldRoleIds: [], notAssignedToYou: [ROLE_ID.exchangeAdministrator] } }));
    expect(verdict).toMatchObject({ readiness: 'not-ready', rule: 'role-not-assigned-to-you' });
    expect(verdict.reason).toBe('Your GDAP relationship with this customer grants Exchange Administrator, but not to a security group you are in.');
    expect(verdict.fix).toMatch(/^Add yourself to the security group that holds Exchange Administrator/);
  });

  it('no relationship carries a role the module needs: Graph for an Exchange-only customer (rule role-not-in-relationship)', () => {
    const exchangeOnly = customer({ relationships: [relationship({ roleIds: [ROLE_ID.exchangeAdministrator] })] });
    const verdict = judge('graph', exchangeOnly);
    expect(verdict).toMatchObject({ readiness: 'not-ready', rule: 'role-not-in-relationship' });
    expect(verdict.reason).toMatch(/^To read the directory’s users, groups and licences you need Global Reader, Directory Readers, Directory Writers, User Administrator or Helpdesk Administrator \(or Global Administrator\)/);
  });

  it('DAP counts as Global Administrator; while DAP is not known for a listed customer, roles cannot rule it out', () => {
    const noExchangeRole = [relationship({ roleIds: [ROLE_ID.userAdministrator] })];
    expect(judge('exchange', customer({ dap: 'yes', relationships: noExchangeRole }), probe({ exchange: ok() }))).toMatchObject({ readiness: 'ready' });
    expect(judge('exchange', customer({ dap: 'unknown', relationships: noExchangeRole })).readiness).toBe('unknown');
    // The check's own Partner Center answer counts too.
    expect(judge('exchange', customer({ dap: 'unknown', relationships: noExchangeRole }), probe({}, { dap: 'no' })).rule).toBe('role-not-in-relationship');
  });

  it('ready once every probe the module counts answered (rule checked), with a warning when the GDAP relationship ends within 30 days', () => {
    expect(judge('exchange', customer(), probe({ exchange: ok('Exchange Online answered Get-OrganizationConfig') }))).toMatchObject({
      readiness: 'ready',
      rule: 'checked',
      reason: `Checked ${formatDateTime(iso(NOW - DAY))}: Exchange Online answered Get-OrganizationConfig.`,
    });
    const ending = customer({ relationships: [relationship({ status: 'expiring', endsAt: iso(NOW + 12 * DAY) })] });
    const verdict = judge('exchange', ending, probe({ exchange: ok() }));
    expect(verdict.readiness).toBe('ready');
    expect(verdict.reason).toMatch(/but your GDAP relationship ends on .* \(in 12 days\)\.$/);
    expect(verdict.fix).toMatch(/create a new GDAP relationship/);
    expect(judge('exchange', customer({ relationships: [relationship({ endsAt: iso(NOW + 12 * DAY), autoExtends: true })] }), probe({ exchange: ok() })).fix).toBeUndefined();
  });

  it('roles that look right but nothing checked yet: unknown, with Check access as the fix (rule not-checked)', () => {
    expect(judge('exchange', customer())).toMatchObject({
      readiness: 'unknown',
      rule: 'not-checked',
      action: 'check-access',
      reason: 'SAM Desk has not asked Microsoft yet; your GDAP relationship grants Exchange Administrator, and the check also asks whether a security group you are in holds it.',
    });
    expect(judge('az', customer()).reason).toMatch(/Azure access comes from Azure roles/);
  });
});

describe('the list’s readiness filters', () => {
  const exchangeReady = customer({ tenantId: 'ok', dap: 'yes' });
  const readerOnly = customer({ tenantId: 'reader', relationships: [relationship({ roleIds: [ROLE_ID.globalReader] })] });
  const ending = customer({ tenantId: 'ending', relationships: [relationship({ status: 'expiring', endsAt: iso(NOW + 5 * DAY) })] });
  const ended = customer({ tenantId: 'ended', relationships: [relationship({ status: 'expired', endsAt: iso(NOW - 5 * DAY) })] });
  const all = [exchangeReady, readerOnly, ending, ended];
  const knowledge = { probes: { ok: probe({ exchange: ok() }, { tenantId: 'ok' }), reader: probe({ exchange: failed('not-consented', 'token') }, { tenantId: 'reader' }) } };

  it('keeps exactly the customers each filter names', () => {
    const ids = (filter: Parameters<typeof filterByReadiness>[1]) => filterByReadiness(all, filter, knowledge, NOW).map((c) => c.tenantId);
    expect(ids('exchange-not-ready')).toEqual(['reader', 'ended']);
    expect(ids('not-consented')).toEqual(['reader']);
    expect(ids('gdap-ending')).toEqual(['ending']);
    expect(ids('no-admin-access')).toEqual(['ended']);
    expect(ids('not-checked')).toEqual(['ending', 'ended']);
    expect(ids('all')).toEqual(['ok', 'reader', 'ending', 'ended']);
  });

  it('counts every filter in one pass', () => {
    expect(countByFilter(all, knowledge, NOW)).toMatchObject({ all: 4, 'exchange-not-ready': 2, 'not-consented': 1, 'gdap-ending': 1, 'no-admin-access': 1, 'not-checked': 2 });
  });
});
