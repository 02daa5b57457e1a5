import type { CloudEndpoints, ResourceName } from '../../shared/cloud';
import type { HttpClient } from '../http/httpClient';
import type { CustomerMerger, GraphCustomer, GraphRelationship } from './merge';
import { fetchGraphCollection, fetchPartnerCenterCustomers, gdapCustomersUrl, gdapRelationshipsUrl, type OnPage } from './sources';

/**
 * One place the customer list comes from: which token it needs, how its pages are fetched, and how
 * each page joins the list. The customer list fetches every source side by side, each page merged
 * while the next is in flight; adding a source is one entry here and its fetch function.
 */
export interface CustomerSource<Item> {
  id: string;
  /** The resource the partner's access token is redeemed for (one redemption per resource, shared). */
  resource: ResourceName;
  /** Fetches every page, calling `onPage` with each; resolves with how many items there were. */
  fetch: (http: HttpClient, cloud: CloudEndpoints, accessToken: string, onPage: OnPage<Item>, signal?: AbortSignal) => Promise<number>;
  /** Joins one page into the list being built. */
  merge: (merger: CustomerMerger, page: readonly Item[]) => void;
}

/** Keeps each entry's item type checked against its own fetch and merge. */
const source = <Item>(entry: CustomerSource<Item>): CustomerSource<unknown> => entry as CustomerSource<unknown>;

export const customerSources: readonly CustomerSource<unknown>[] = [
  // https://learn.microsoft.com/partner-center/developer/get-a-list-of-customers
  source({
    id: 'partner-center-customers',
    resource: 'partnercenter',
    fetch: fetchPartnerCenterCustomers,
    merge: (merger, page) => merger.addResellerCustomers(page),
  }),
  // https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadmincustomers
  source<GraphCustomer>({
    id: 'gdap-customers',
    resource: 'graph',
    fetch: (http, cloud, accessToken, onPage, signal) => fetchGraphCollection(http, gdapCustomersUrl(cloud), accessToken, onPage, signal),
    merge: (merger, page) => merger.addGdapCustomers(page),
  }),
  // https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships
  source<GraphRelationship>({
    id: 'gdap-relationships',
    resource: 'graph',
    fetch: (http, cloud, accessToken, onPage, signal) => fetchGraphCollection(http, gdapRelationshipsUrl(cloud), accessToken, onPage, signal),
    merge: (merger, page) => merger.addRelationships(page),
  }),
];
