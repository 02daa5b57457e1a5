/**
 * The readiness model: for a customer × module, ready / not ready / unknown, with one reason and
 * one fix. Pure. Its inputs are the customer's relationships (DAP, every GDAP relationship with its
 * status, end and roles), the last readiness check (a token and one read-only call per resource,
 * and the roles the admin's security groups hold), what the consent screen found, and the roles
 * table (moduleRequirements.ts). The rules run in order; the first that decides wins.
 */
import type { CustomerTenant, Relationship } from '../ipc/customers';
import { formatDate, formatDateTime } from '../ipc/dateTime';
import { bestRelationship, givesAccess } from '../ipc/relationships';
import type { SnippetModule } from '../ipc/schemas';
import type { ConsentFinding, CustomerProbe, ProbeOutcome, ReadinessAction, ReadinessRule, ReadinessVerdict } from '../ipc/readiness';
import { resourceLabels, snippetCatalog } from './snippetCatalog';
import { ROLE_ID, entraRoleName, roleList } from './entraRoles';
import { requirementOf, type ModuleRequirement, type RoleRequirement } from './moduleRequirements';

export interface ReadinessInput {
  customer: CustomerTenant;
  module: SnippetModule;
  /** This customer's newest readiness-check results, if it was checked. */
  probe?: CustomerProbe;
  /** What the consent screen last found for this customer. */
  consent?: ConsentFinding;
  nowMs: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** A relationship ending this soon is worth a warning on a ready verdict (and the list's filter). */
export const EXPIRING_WITHIN_DAYS = 30;

const PENDING = new Set(['created', 'approvalPending', 'approved', 'activating']);

export function judgeReadiness(input: ReadinessInput): ReadinessVerdict {
  const requirement = requirementOf(input.module);
  const say = (readiness: ReadinessVerdict['readiness'], rule: ReadinessRule, reason: string, fix: string | undefined, action: ReadinessAction = 'none'): ReadinessVerdict => ({
    module: input.module,
    readiness,
    rule,
    reason,
    ...(fix ? { fix } : {}),
    action,
  });

  if (requirement.retired) {
    const replacement = snippetCatalog[requirement.retired.replacement];
    return say('not-ready', 'retired', `${requirement.retired.what} was retired in ${requirement.retired.retiredOn}; Microsoft no longer accepts it.`, `Use the ${replacement.title} snippet (${replacement.command}) instead.`);
  }
  const { customer, probe, nowMs } = input;

  if (requirement.partnerCenter && !customer.inPartnerCenter) {
    return say(
      'not-ready',
      'not-in-partner-center',
      'Partner Center does not list this customer (there is no reseller relationship), so Partner Center cmdlets find nothing for its -CustomerId.',
      'Use the Microsoft Graph or Exchange Online snippets for this customer, or set up a reseller relationship in Partner Center.',
    );
  }

  const usable = customer.relationships.filter((relationship) => givesAccess(relationship, nowMs));
  // The list does not say whether DAP is allowed; opening the customer or a check asks Partner Center.
  const dap = customer.dap !== 'unknown' ? customer.dap : (probe?.dap ?? 'unknown');
  const viaDap = dap === 'yes';
  if (!requirement.partnerCenter && !viaDap && usable.length === 0 && (dap === 'no' || failedWith(probe, requirement, 'no-access'))) {
    return noRelationship(customer, say);
  }

  const failure = firstFailure(probe, requirement);
  if (failure) {
    const { outcome, resource } = failure;
    if (['throttled', 'network', 'other', 'sign-in'].includes(outcome.problem)) {
      return say('unknown', 'probe-inconclusive', `The last check (${formatDateTime(probe!.checkedAt)}) could not tell: ${outcome.reason}`, outcome.action ?? 'Run Check access again.', 'check-access');
    }
    if (outcome.problem === 'not-consented') {
      const since = input.consent?.status === 'consented' && input.consent.checkedAt && input.consent.checkedAt > probe!.checkedAt;
      if (since) return say('unknown', 'probe-inconclusive', `Consent was granted after the last check (${formatDateTime(probe!.checkedAt)}).`, 'Check access again to see whether it works now.', 'check-access');
      return notConsented(customer, [resource], input.consent, probe, say);
    }
    return say('not-ready', 'probe-failed', outcome.reason, outcome.action ?? 'Run Check access again once it is fixed.', 'check-access');
  }

  // A token-only probe whose call was refused still proved the token (Connect-AzAccount's Graph token).
  const answered = ({ resource, counts }: ModuleRequirement['probes'][number]) => {
    const outcome = probe?.results[resource];
    return outcome?.status === 'ok' || (counts === 'token' && outcome?.status === 'failed' && outcome.step === 'call');
  };
  const unprobed = requirement.probes.filter((entry) => !answered(entry)).map(({ resource }) => resource);
  const missing = input.consent?.status === 'not-consented' ? unprobed : (input.consent?.missing ?? []).filter((resource) => unprobed.includes(resource));
  if (missing.length > 0) return notConsented(customer, missing, input.consent, probe, say);

  // Roles matter for GDAP; DAP makes the partner's Admin Agents Global Administrators. While DAP is
  // not known for a customer Partner Center lists, the roles cannot rule it out.
  const dapPossible = viaDap || (dap === 'unknown' && customer.inPartnerCenter);
  if (requirement.roles && !dapPossible) {
    const refusal = roleRefusal(requirement.roles, usable, probe, say);
    if (refusal) return refusal;
  }

  const expiring = viaDap ? undefined : endingSoon(usable, nowMs);
  if (unprobed.length === 0 && probe) {
    const details = requirement.probes.map(({ resource }) => probe.results[resource]).flatMap((outcome) => (outcome?.status === 'ok' && outcome.detail ? [outcome.detail] : []));
    const found = details.length > 0 ? `: ${details.join('; ')}` : '';
    if (expiring) return say('ready', 'checked', `Works (checked ${formatDateTime(probe.checkedAt)}${found}), but your GDAP relationship ends ${expiring.when}.`, expiring.fix);
    return say('ready', 'checked', `Checked ${formatDateTime(probe.checkedAt)}${found}.`, undefined);
  }
  if (requirement.partnerCenter) return say('ready', 'checked', 'Partner Center lists this customer: Connect-PartnerCenter works with its -CustomerId.', undefined);
  const known = knownSoFar(customer, requirement, usable, probe, dap);
  return say('unknown', 'not-checked', `SAM Desk has not asked Microsoft yet${known ? `; ${known}` : ''}.`, 'Run Check access for this customer: SAM Desk asks Microsoft with a token and one read-only call.', 'check-access');
}

type Say = (readiness: ReadinessVerdict['readiness'], rule: ReadinessRule, reason: string, fix: string | undefined, action?: ReadinessAction) => ReadinessVerdict;

function failedWith(probe: CustomerProbe | undefined, requirement: ModuleRequirement, problem: string): boolean {
  return requirement.probes.some(({ resource }) => {
    const outcome = probe?.results[resource];
    return outcome?.status === 'failed' && outcome.problem === problem;
  });
}

/** The first failed probe that counts for this module: a refused token always, a refused call where the module makes such calls. */
function firstFailure(probe: CustomerProbe | undefined, requirement: ModuleRequirement) {
  for (const { resource, counts } of requirement.probes) {
    const outcome = probe?.results[resource];
    if (outcome?.status === 'failed' && (counts === 'call' || outcome.step === 'token')) return { resource, outcome: outcome as Extract<ProbeOutcome, { status: 'failed' }> };
  }
  return undefined;
}

function noRelationship(customer: CustomerTenant, say: Say): ReadinessVerdict {
  const pending = customer.relationships.find((relationship) => PENDING.has(relationship.status));
  if (pending) {
    return say(
      'not-ready',
      'relationship-pending',
      `Your GDAP relationship “${pending.name}” does not give access yet: it is ${pendingWords(pending)}, and there is no DAP.`,
      'Send the customer the approval link from Partner Center (Customers › Admin relationships) and ask their Global Administrator to approve it.',
    );
  }
  const ended = customer.relationships.find((relationship) => relationship.endsAt !== null);
  if (ended) {
    return say(
      'not-ready',
      'relationship-ended',
      `Your GDAP relationship “${ended.name}” with this customer ended on ${formatDate(ended.endsAt!)}, and there is no DAP.`,
      'Create a new GDAP relationship in Partner Center (Customers › Admin relationships) and ask the customer to approve it.',
    );
  }
  return say('not-ready', 'no-relationship', 'You have neither DAP nor a GDAP relationship with this customer.', 'Request a GDAP relationship with the roles you need in Partner Center (Customers › Admin relationships).');
}

function pendingWords(relationship: Relationship): string {
  if (relationship.status === 'created') return 'a draft not yet sent to the customer';
  if (relationship.status === 'approvalPending') return 'waiting for the customer’s approval';
  return 'approved but not active yet';
}

function notConsented(customer: CustomerTenant, resources: readonly string[], consent: ConsentFinding | undefined, probe: CustomerProbe | undefined, say: Say): ReadinessVerdict {
  const what = resources.map((resource) => resourceLabels[resource as keyof typeof resourceLabels] ?? resource).join(' and ');
  const reason = `The SAM app is not consented for ${what} in this customer (AADSTS65001).`;
  if (!customer.inPartnerCenter) {
    return say('not-ready', 'not-consented', reason, 'Partner Center cannot consent here (it does not list this customer): ask the customer’s admin to open the SAM app’s admin-consent link on the Customer consent screen.', 'grant-consent');
  }
  const partial = consent?.status === 'partial' || consent?.status === 'consented' || consentedElsewhere(probe, resources);
  return partial
    ? say('not-ready', 'not-consented', reason, `Repair the consent: SAM Desk removes it and grants its current permissions through Partner Center (the consent there was made without ${what}).`, 'repair-consent')
    : say('not-ready', 'not-consented', reason, 'Grant consent for this customer: Partner Center does it with your admin relationship.', 'grant-consent');
}

/**
 * A token issued in the customer for another resource means a consent exists, made with fewer
 * permissions: Partner Center refuses a second one ("Permission entry already exists."), so it needs
 * Repair, not a grant.
 */
export function consentedElsewhere(probe: CustomerProbe | undefined, notConsented: readonly string[]): boolean {
  return Object.entries(probe?.results ?? {}).some(
    ([resource, outcome]) => resource !== 'partnercenter' && !notConsented.includes(resource) && (outcome?.status === 'ok' || (outcome?.status === 'failed' && outcome.step === 'call')),
  );
}

/** Not ready for lack of a role, or undefined when the roles allow it (or cannot be known yet). */
function roleRefusal(roles: RoleRequirement, usable: readonly Relationship[], probe: CustomerProbe | undefined, say: Say): ReadinessVerdict | undefined {
  const granted = new Set(usable.flatMap((relationship) => relationship.roleIds));
  const held = probe?.gdap && !probe.gdap.error ? new Set(probe.gdap.heldRoleIds) : undefined;
  const have = held ?? granted;
  if (roles.anyOf.some((role) => have.has(role))) return undefined;
  const main = roles.anyOf.filter((role) => role !== ROLE_ID.globalAdministrator);
  const needed = `${roleList(main)}${main.length < roles.anyOf.length ? ' (or Global Administrator)' : ''}`;
  const partial = Object.keys(roles.partial ?? {}).filter((role) => have.has(role));
  if (partial.length > 0) {
    const what = partial.map((role) => `${entraRoleName(role)}, which ${roles.partial![role]}`).join('; ');
    return say('not-ready', 'role-read-only', `Here you hold ${what}. To ${roles.purpose} you need ${needed}.`, assignFix(main, held !== undefined && roles.anyOf.some((role) => granted.has(role))));
  }
  if (held && roles.anyOf.some((role) => granted.has(role))) {
    const inRelationship = roles.anyOf.filter((role) => granted.has(role));
    return say('not-ready', 'role-not-assigned-to-you', `Your GDAP relationship with this customer grants ${roleList(inRelationship)}, but not to a security group you are in.`, assignFix(inRelationship, true));
  }
  return say('not-ready', 'role-not-in-relationship', `To ${roles.purpose} you need ${needed}; your GDAP relationships with this customer do not include it.`, assignFix(main, false));
}

function assignFix(roles: readonly string[], inRelationship: boolean): string {
  return inRelationship
    ? `Add yourself to the security group that holds ${roleList(roles)} for this customer, or assign the role to one of your groups (Partner Center › Customers › Admin relationships › Security groups and roles).`
    : `Ask the customer to approve a GDAP relationship that includes ${roleList(roles)}, then assign that role to a security group you are in.`;
}

/** The usable relationship that lasts longest, if it ends within 30 days and does not renew itself. */
function endingSoon(usable: readonly Relationship[], nowMs: number): { when: string; fix: string } | undefined {
  const best = bestRelationship(usable, nowMs);
  if (!best?.endsAt || best.autoExtends) return undefined;
  const left = Date.parse(best.endsAt) - nowMs;
  if (left > EXPIRING_WITHIN_DAYS * DAY_MS) return undefined;
  const days = Math.max(0, Math.ceil(left / DAY_MS));
  return {
    when: `on ${formatDate(best.endsAt)} (${days === 1 ? 'in 1 day' : `in ${days} days`})`,
    fix: `Before then, create a new GDAP relationship in Partner Center and ask the customer to approve it (“${best.name}” does not renew itself).`,
  };
}

/** What the relationships alone say, for a verdict that still needs a check. */
function knownSoFar(customer: CustomerTenant, requirement: ModuleRequirement, usable: readonly Relationship[], probe: CustomerProbe | undefined, dap: CustomerTenant['dap']): string {
  if (requirement.azureRoles) return 'Azure access comes from Azure roles on the customer’s subscriptions, which only Azure Resource Manager can tell';
  if (dap === 'yes') return 'DAP gives your admin agents Global Administrator here';
  if (dap === 'unknown' && customer.inPartnerCenter && usable.length === 0) return 'whether this customer allows DAP has not been asked yet';
  const roles = requirement.roles;
  if (!roles) return '';
  const held = probe?.gdap && !probe.gdap.error ? probe.gdap.heldRoleIds : undefined;
  const matching = roles.anyOf.filter((role) => (held ?? usable.flatMap((relationship) => relationship.roleIds)).includes(role));
  if (matching.length === 0) return '';
  const names = roleList(matching, 'and');
  return held ? `you hold ${names} here` : `your GDAP relationship grants ${names}, and the check also asks whether a security group you are in holds ${matching.length === 1 ? 'it' : 'them'}`;
}

