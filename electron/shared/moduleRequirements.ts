/**
 * The roles table: what each PowerShell module needs in a customer tenant before its snippet works,
 * with the source of each row and what is an assumption. The readiness model (readiness.ts) reads
 * it; README "Readiness per customer and module" prints the same table for people.
 */
import type { AccessResource } from '../ipc/accessCheck';
import type { SnippetModule } from '../ipc/schemas';
import { snippetCatalog, type Retirement } from './snippetCatalog';
import { ROLE_ID } from './entraRoles';

export interface RoleRequirement {
  /** Holding any one of these Entra roles in the customer makes the module ready (DAP counts as Global Administrator). */
  anyOf: string[];
  /** Roles that connect but do only part of the job: what each one can do. */
  partial?: Record<string, string>;
  /** What the roles are for, in a partner admin's words: "manage Exchange Online". */
  purpose: string;
  source: string;
  assumption?: string;
}

export interface ModuleRequirement {
  module: SnippetModule;
  /**
   * The probes that decide: `call` = the token and the read-only call with it; `token` = only
   * whether a token is issued (Connect-AzAccount takes a Graph token but needs no Graph role).
   */
  probes: Array<{ resource: AccessResource; counts: 'call' | 'token' }>;
  /** Entra roles needed in the customer; null when the module needs none there. */
  roles: RoleRequirement | null;
  /** Azure: access comes from Azure roles on subscriptions, which only Resource Manager can tell. */
  azureRoles?: { source: string; assumption: string };
  /** Runs in the partner tenant, against customers Partner Center lists. */
  partnerCenter?: { source: string };
  retired?: Retirement;
}

const active: ModuleRequirement[] = [
  {
    module: 'az',
    probes: [
      { resource: 'azure', counts: 'call' },
      { resource: 'graph', counts: 'token' },
    ],
    roles: null,
    azureRoles: {
      // "partners who manage Azure are part of a separate security group, which is a member of the
      // Admin agent group. This group grants owner role-based access control (RBAC) access on all Azure
      // subscriptions"; Entra roles from GDAP give no Azure access.
      source: 'https://learn.microsoft.com/partner-center/gdap-introduction; https://learn.microsoft.com/partner-center/gdap-least-privileged-roles-by-task (Azure tasks: an Azure RBAC role)',
      assumption: 'Reader on one subscription is enough to connect; what a script may change depends on its Azure role.',
    },
  },
  {
    module: 'graph',
    probes: [{ resource: 'graph', counts: 'call' }],
    roles: {
      anyOf: [ROLE_ID.globalAdministrator, ROLE_ID.globalReader, ROLE_ID.directoryReaders, ROLE_ID.directoryWriters, ROLE_ID.userAdministrator, ROLE_ID.helpdeskAdministrator],
      purpose: 'read the directory’s users, groups and licences',
      source: 'https://learn.microsoft.com/partner-center/gdap-least-privileged-roles-by-task; https://learn.microsoft.com/graph/api/user-list ("Guest users cannot call this API": a partner user reads only what a role grants)',
      assumption: 'Which role a script needs depends on its cmdlets; these read users, and Directory Readers is the least privileged.',
    },
  },
  {
    module: 'exchange',
    probes: [{ resource: 'exchange', counts: 'call' }],
    roles: {
      anyOf: [ROLE_ID.globalAdministrator, ROLE_ID.exchangeAdministrator],
      partial: {
        [ROLE_ID.globalReader]: 'only reads Exchange settings (Get- cmdlets)',
        [ROLE_ID.exchangeRecipientAdministrator]: 'manages recipients (mailboxes, contacts, groups) only',
      },
      purpose: 'manage Exchange Online',
      source:
        'https://learn.microsoft.com/partner-center/customers/gdap-supported-workloads (Exchange admin center roles); Microsoft365DSC EXO settings ("update": Exchange Administrator, "read": Global Reader)',
      assumption: 'Exchange Recipient Administrator is counted as not enough for the Connect-ExchangeOnline snippet, which manages the organization.',
    },
  },
  {
    module: 'partnercenter',
    probes: [{ resource: 'partnercenter', counts: 'call' }],
    roles: null,
    // Partner Center roles are the partner's own (Admin Agent, Sales Agent, Helpdesk Agent); a
    // customer is addressed by -CustomerId only if Partner Center lists it.
    partnerCenter: { source: 'https://learn.microsoft.com/partner-center/developer/get-a-customer-by-id' },
  },
];

/** Retired forms: never ready, whatever the roles; the catalog says since when and what replaces them. */
const retired: ModuleRequirement[] = (Object.keys(snippetCatalog) as SnippetModule[])
  .filter((module) => snippetCatalog[module].retired)
  .map((module) => ({ module, probes: [], roles: null, retired: snippetCatalog[module].retired }));

export const moduleRequirements: readonly ModuleRequirement[] = [...active, ...retired];

export function requirementOf(module: SnippetModule): ModuleRequirement {
  return moduleRequirements.find((requirement) => requirement.module === module)!;
}

/** The modules a readiness check can judge (the retired ones are always "not ready"). */
export const checkableModules: readonly SnippetModule[] = active.map((requirement) => requirement.module);
