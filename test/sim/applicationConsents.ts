/**
 * The grants of Partner Center application consents, scope by scope: `POST
 * /v1/customers/{id}/applicationconsents` names, per resource app (`enterpriseApplicationId`), a
 * comma-separated `scope` (https://learn.microsoft.com/partner-center/developer/control-panel-vendor-apis).
 * SimState.consents says which resources an app may get tokens for; this says with which scopes,
 * so a consent made before the app's permissions grew can be told apart (and repaired).
 */
export interface ApplicationGrant {
  enterpriseApplicationId: string;
  scopes: string[];
}

export class ApplicationConsentLedger {
  private readonly byTenant = new Map<string, Map<string, ApplicationGrant[]>>();

  record(tenantId: string, appId: string, grants: readonly ApplicationGrant[]): void {
    let byApp = this.byTenant.get(tenantId);
    if (!byApp) this.byTenant.set(tenantId, (byApp = new Map()));
    byApp.set(appId.toLowerCase(), grants.map((grant) => ({ enterpriseApplicationId: grant.enterpriseApplicationId.toLowerCase(), scopes: [...grant.scopes] })));
  }

  /** The grants Partner Center recorded for the app in the tenant, or undefined (none, or consented another way). */
  grantsOf(tenantId: string, appId: string): readonly ApplicationGrant[] | undefined {
    return this.byTenant.get(tenantId)?.get(appId.toLowerCase());
  }

  forget(tenantId: string, appId: string): void {
    this.byTenant.get(tenantId)?.delete(appId.toLowerCase());
  }
}

/** `"Domain.ReadWrite.All, User.ReadWrite.All"` → the scopes, trimmed, without empties. */
export function parseScopeList(scope: string): string[] {
  return scope
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
