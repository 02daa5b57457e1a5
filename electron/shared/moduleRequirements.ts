/**
 * The roles table: what each PowerShell module needs in a customer tenant before its snippet works,
 * with the source of each row and what is an assumption. Each row is written in the module's
 * catalog entry (snippetCatalog.ts, `needs`), so a new module is one entry; the readiness model
 * (readiness.ts) reads the table; README "Readiness per customer and module" prints it for people.
 */
import type { AccessResource } from '../ipc/accessCheck';
import type { SnippetModule } from '../ipc/schemas';
import { snippetCatalog, type Retirement } from './snippetCatalog';

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

/** What a module needs in a customer before its snippet works: each active module's catalog entry says it. */
export interface ModuleNeeds {
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
}

export interface ModuleRequirement extends ModuleNeeds {
  module: SnippetModule;
  retired?: Retirement;
}

/** What each module needs in a customer, from its catalog entry; retired forms are never ready, whatever the roles. */
export const moduleRequirements: readonly ModuleRequirement[] = (Object.keys(snippetCatalog) as SnippetModule[]).map((module) => {
  const spec = snippetCatalog[module];
  return spec.retired ? { module, probes: [], roles: null, retired: spec.retired } : { module, ...spec.needs };
});


export function requirementOf(module: SnippetModule): ModuleRequirement {
  return moduleRequirements.find((requirement) => requirement.module === module)!;
}

/** The modules a readiness check can judge (the retired ones are always "not ready"). */
export const checkableModules: readonly SnippetModule[] = moduleRequirements.filter((requirement) => !requirement.retired).map((requirement) => requirement.module);
