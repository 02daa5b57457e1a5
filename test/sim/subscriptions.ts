/**
 * Azure subscriptions per tenant, as Azure Resource Manager lists them
 * (https://learn.microsoft.com/rest/api/resources/subscriptions/list). A user sees the
 * subscriptions of the token's tenant on which they hold an Azure role; the simulator keeps the
 * user oids with access per subscription.
 */
export interface SimSubscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: 'Enabled' | 'Warned' | 'PastDue' | 'Disabled' | 'Deleted';
  /** Users holding an Azure role on the subscription (any role lets them list it). */
  readers: Set<string>;
}

export class SubscriptionState {
  private readonly byTenant = new Map<string, SimSubscription[]>();

  add(subscription: SimSubscription): SimSubscription {
    const list = this.byTenant.get(subscription.tenantId) ?? [];
    list.push(subscription);
    this.byTenant.set(subscription.tenantId, list);
    return subscription;
  }

  /** What `GET /subscriptions` returns for this user in this tenant. */
  visibleTo(tenantId: string, userOid: string): SimSubscription[] {
    return (this.byTenant.get(tenantId) ?? []).filter((subscription) => subscription.readers.has(userOid));
  }

  find(tenantId: string, subscriptionId: string): SimSubscription | undefined {
    return (this.byTenant.get(tenantId) ?? []).find((subscription) => subscription.subscriptionId === subscriptionId.toLowerCase());
  }
}
