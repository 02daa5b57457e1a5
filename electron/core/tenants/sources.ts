import type { CustomerTenant } from '../../ipc/contract';
import type { CloudEndpoints } from '../config/cloud';
import { readJson, type HttpClient, type HttpResponse } from '../http/httpClient';
import { serviceErrorFrom } from '../http/serviceError';
import type { GdapCustomer, GdapRelationship } from './merge';

/** Partner Center or Graph answered with an error the token endpoint did not explain. */
export { ServiceError as ApiError } from '../http/serviceError';

interface PartnerCenterPage {
  items?: Array<{
    id: string;
    companyProfile?: { tenantId?: string; domain?: string; companyName?: string };
    allowDelegatedAccess?: boolean;
  }>;
  continuationToken?: string;
}

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Called after each page with what that page held, so the caller can show progress. */
export type OnPage<T> = (items: readonly T[]) => void;

/**
 * Partner Center `/v1/customers`: 500 a page, each next page named by the previous page's
 * continuation token, so pages come one after another (the protocol allows nothing else).
 */
export async function fetchPartnerCenterCustomers(
  http: HttpClient,
  cloud: CloudEndpoints,
  accessToken: string,
  onPage: OnPage<CustomerTenant>,
  signal?: AbortSignal,
): Promise<CustomerTenant[]> {
  const customers: CustomerTenant[] = [];
  let continuation: string | undefined;
  do {
    const response = await http.send({
      method: 'GET',
      url: `${cloud.partnerCenterApi}/v1/customers?size=500`,
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json',
        ...(continuation ? { 'MS-ContinuationToken': continuation } : {}),
      },
      signal,
    });
    const page = expectOk<PartnerCenterPage>('Partner Center', response);
    const items = (page.items ?? []).map((item): CustomerTenant => {
      const tenantId = (item.companyProfile?.tenantId ?? item.id).toLowerCase();
      return {
        tenantId,
        name: item.companyProfile?.companyName ?? tenantId,
        domain: item.companyProfile?.domain ?? '',
        relationships: item.allowDelegatedAccess ? [{ kind: 'DAP' }] : [],
      };
    });
    customers.push(...items);
    onPage(items);
    continuation = page.continuationToken;
  } while (continuation);
  return customers;
}

/** A Graph collection followed through `@odata.nextLink` ($skiptoken paging; sequential by design). */
export async function fetchGraphCollection<T>(
  http: HttpClient,
  firstUrl: string,
  accessToken: string,
  onPage: OnPage<T>,
  signal?: AbortSignal,
): Promise<T[]> {
  const all: T[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const response = await http.send({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal,
    });
    const page: GraphPage<T> = expectOk('Microsoft Graph', response);
    const items = page.value ?? [];
    all.push(...items);
    onPage(items);
    url = page['@odata.nextLink'];
  }
  return all;
}

export const gdapCustomersUrl = (cloud: CloudEndpoints) =>
  `${cloud.graphApi}/v1.0/tenantRelationships/delegatedAdminCustomers?$top=300`;
export const gdapRelationshipsUrl = (cloud: CloudEndpoints) =>
  `${cloud.graphApi}/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300`;

export type { GdapCustomer, GdapRelationship };

function expectOk<T>(service: string, response: HttpResponse): T {
  const body = readJson<T>(response);
  if (response.status !== 200 || !body) throw serviceErrorFrom(service, response);
  return body;
}
