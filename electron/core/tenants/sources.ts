import type { CustomerTenant, DapStatus } from '../../ipc/customers';
import type { CloudEndpoints } from '../../shared/cloud';
import { readJson, type HttpClient, type HttpResponse } from '../http/httpClient';
import { ServiceError, serviceErrorFrom } from '../http/serviceError';
import type { GraphCustomer, GraphRelationship } from './merge';

interface PartnerCenterLink {
  uri?: string;
  headers?: Array<{ key?: string; value?: string }>;
}

interface PartnerCenterPage {
  items?: Array<{ id: string; companyProfile?: { tenantId?: string; domain?: string; companyName?: string } }>;
  links?: { next?: PartnerCenterLink };
}

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/** Called after each page with what that page held, so the caller can show progress. */
export type OnPage<T> = (items: readonly T[]) => void;

interface PageRequest {
  url: string;
  headers: Record<string, string>;
}

/**
 * The request for the page `links.next` names, as the Partner Center .NET SDK makes it
 * (BaseResourceCollectionEnumerator: the link's uri, which carries `seekOperation=Next`, plus its
 * headers, i.e. `MS-ContinuationToken`). Only Partner Center's own `MS-*` headers are copied, and
 * only to Partner Center itself: the request carries the partner's access token.
 */
export function nextPageRequest(cloud: CloudEndpoints, next: PartnerCenterLink): PageRequest {
  const base = `${cloud.partnerCenterApi}/v1`;
  const url = new URL(next.uri!.startsWith('/') ? `${base}${next.uri}` : next.uri!);
  if (url.origin !== new URL(base).origin) throw new ServiceError('Partner Center', 200, `Partner Center's customer list could not be read: its next-page link points elsewhere (${url.origin}).`);
  const headers: Record<string, string> = {};
  for (const { key, value } of next.headers ?? []) if (key && value !== undefined && /^ms-/i.test(key)) headers[key] = value;
  return { url: url.toString(), headers };
}

/**
 * Partner Center `/v1/customers`: 500 a page, each next page named by the previous page's
 * `links.next`, so pages come one after another (the protocol allows nothing else). The next page
 * is asked for as soon as a page has named it, and `onPage` works on that page while the next one
 * is in flight. The list says nothing about DAP (its items carry no allowDelegatedAccess): every
 * customer is 'unknown' here. Resolves with how many customers were listed.
 */
export async function fetchPartnerCenterCustomers(
  http: HttpClient,
  cloud: CloudEndpoints,
  accessToken: string,
  onPage: OnPage<CustomerTenant>,
  signal?: AbortSignal,
): Promise<number> {
  const tokensSeen = new Set<string>();
  const ask = (request: PageRequest) =>
    http.send({
      method: 'GET',
      url: request.url,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...request.headers },
      signal,
    });
  return followPages(ask({ url: `${cloud.partnerCenterApi}/v1/customers?size=500`, headers: {} }), (response) => {
    const page = expectOk<PartnerCenterPage>('Partner Center', response);
    const request = page.links?.next?.uri ? nextPageRequest(cloud, page.links.next) : undefined;
    // A continuation token handed out twice would page forever: stop and say so.
    const token = request && Object.entries(request.headers).find(([key]) => key.toLowerCase() === 'ms-continuationtoken')?.[1];
    if (token !== undefined) {
      if (tokensSeen.has(token)) throw new ServiceError('Partner Center', 200, "Partner Center's customer list could not be read: it sent the same next page twice, so the list would never end.");
      tokensSeen.add(token);
    }
    return {
      next: request && ask(request),
      work: () => {
        const items = (page.items ?? []).map((item): CustomerTenant => {
          const tenantId = (item.companyProfile?.tenantId ?? item.id).toLowerCase();
          return {
            tenantId,
            name: item.companyProfile?.companyName ?? tenantId,
            domain: item.companyProfile?.domain ?? '',
            inPartnerCenter: true,
            dap: 'unknown',
            relationships: [],
          };
        });
        onPage(items);
        return items.length;
      },
    };
  });
}

/**
 * Pages one after another, each asked for as soon as the previous one names it: `read` parses a
 * page and sends the request for the next (if any) before its `work` runs, so that work overlaps
 * the next round trip instead of adding to it. Resolves with the sum of what the pages' work counted.
 */
async function followPages(
  first: Promise<HttpResponse>,
  read: (response: HttpResponse) => { next: Promise<HttpResponse> | undefined; work: () => number },
): Promise<number> {
  let count = 0;
  for (let pending: Promise<HttpResponse> | undefined = first; pending; ) {
    const { next, work } = read(await pending);
    // Awaited at the next turn; until then a failure must not count as unhandled.
    next?.catch(() => undefined);
    pending = next;
    count += work();
  }
  return count;
}
/**
 * DAP for one customer: `GET /v1/customers/{id}` says `allowDelegatedAccess`
 * (https://learn.microsoft.com/partner-center/developer/get-a-customer-by-id; Microsoft's own
 * CustomerUsersGet sample checks it this way, customer by customer). A customer Partner Center
 * does not know (404) has no DAP.
 */
export async function fetchCustomerDap(http: HttpClient, cloud: CloudEndpoints, accessToken: string, tenantId: string, signal?: AbortSignal): Promise<DapStatus> {
  const response = await http.send({
    method: 'GET',
    url: `${cloud.partnerCenterApi}/v1/customers/${encodeURIComponent(tenantId)}`,
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    signal,
  });
  if (response.status === 404) return 'no';
  return expectOk<{ allowDelegatedAccess?: boolean }>('Partner Center', response).allowDelegatedAccess === true ? 'yes' : 'no';
}

/**
 * A Graph collection followed through `@odata.nextLink` ($skiptoken paging: sequential by design),
 * the next page asked for before `onPage` works on the current one. Resolves with how many items it held.
 */
export async function fetchGraphCollection<T>(
  http: HttpClient,
  firstUrl: string,
  accessToken: string,
  onPage: OnPage<T>,
  signal?: AbortSignal,
): Promise<number> {
  const ask = (url: string) => http.send({ method: 'GET', url, headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, signal });
  return followPages(ask(firstUrl), (response) => {
    const page: GraphPage<T> = expectOk('Microsoft Graph', response);
    const nextLink = page['@odata.nextLink'];
    return {
      next: nextLink ? ask(sameOriginLink(firstUrl, nextLink)) : undefined,
      work: () => {
        const items = page.value ?? [];
        onPage(items);
        return items.length;
      },
    };
  });
}

/**
 * `@odata.nextLink` is followed with the partner's access token, so only to the origin (https, the
 * same host) the first page came from: Graph's next links point back at Graph
 * (https://learn.microsoft.com/graph/paging); a link elsewhere is refused, never sent a token.
 */
function sameOriginLink(firstUrl: string, nextLink: string): string {
  const first = new URL(firstUrl);
  let next: URL;
  try {
    next = new URL(nextLink);
  } catch {
    throw new ServiceError('Microsoft Graph', 200, 'Microsoft Graph sent a next-page link that is not a web address, so the list could not be read to its end.');
  }
  if (next.protocol !== 'https:' || next.origin !== first.origin) throw new ServiceError('Microsoft Graph', 200, `Microsoft Graph's next-page link points elsewhere (${next.protocol === 'https:' ? next.origin : next.protocol}), so the list was not read further and no token was sent there.`);
  return next.toString();
}

export const gdapCustomersUrl = (cloud: CloudEndpoints) =>
  `${cloud.graphApi}/v1.0/tenantRelationships/delegatedAdminCustomers?$top=300`;
/** Every relationship in every status: the app shows ended and pending ones too. */
export const gdapRelationshipsUrl = (cloud: CloudEndpoints) =>
  `${cloud.graphApi}/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300`;

export type { GraphCustomer, GraphRelationship };

function expectOk<T>(service: string, response: HttpResponse): T {
  const body = readJson<T>(response);
  if (response.status !== 200 || !body) throw serviceErrorFrom(service, response);
  return body;
}
