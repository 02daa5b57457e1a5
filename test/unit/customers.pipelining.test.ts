import { describe, expect, it } from 'vitest';
import { resolveCloud } from '../../electron/shared/cloud';
import type { HttpClient } from '../../electron/core/http/httpClient';
import { CustomerMerger } from '../../electron/core/tenants/merge';
import { fetchGraphCollection, fetchPartnerCenterCustomers } from '../../electron/core/tenants/sources';

const cloud = resolveCloud('public');
const tenant = (n: number) => `${String(n).padStart(8, '0')}-1111-4111-8111-111111111111`;

/** A three-page source that notes, in order, each request it receives. */
function threePages(log: string[], page: (n: number) => unknown): HttpClient {
  return {
    send: async (request) => {
      const n = Number(/page=(\d)/.exec(request.url)?.[1] ?? new URL(request.url).searchParams.get('p') ?? 1);
      log.push(`asked for page ${n}`);
      return { status: 200, headers: {}, body: JSON.stringify(page(n)) };
    },
  };
}

describe('paging a customer source while the next page is in flight', () => {
  it('asks Graph for the next page before working on the one that named it', async () => {
    const log: string[] = [];
    const http = threePages(log, (n) => ({
      value: [{ tenantId: tenant(n), displayName: `Customer ${n}` }],
      ...(n < 3 ? { '@odata.nextLink': `https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminCustomers?page=${n + 1}` } : {}),
    }));

    const count = await fetchGraphCollection<{ displayName: string }>(http, 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminCustomers?page=1', 'token', (items) => log.push(`worked on ${items[0]!.displayName}`));

    expect(count).toBe(3);
    expect(log).toEqual(['asked for page 1', 'asked for page 2', 'worked on Customer 1', 'asked for page 3', 'worked on Customer 2', 'worked on Customer 3']);
  });

  it('asks Partner Center for the next page (its links.next) before working on the current one', async () => {
    const log: string[] = [];
    const http = threePages(log, (n) => ({
      items: [{ id: tenant(n), companyProfile: { tenantId: tenant(n), companyName: `Customer ${n}` } }],
      links: n < 3 ? { next: { uri: `/customers?size=500&seekOperation=Next&page=${n + 1}`, headers: [{ key: 'MS-ContinuationToken', value: `token-${n}` }] } } : {},
    }));

    await fetchPartnerCenterCustomers(http, cloud, 'token', (items) => log.push(`worked on ${items[0]!.name}`));

    expect(log).toEqual(['asked for page 1', 'asked for page 2', 'worked on Customer 1', 'asked for page 3', 'worked on Customer 2', 'worked on Customer 3']);
  });
});

describe('merging the sources page by page', () => {
  it('gives a customer Graph named first Partner Center’s name and domain when its page comes later, keeping its relationships', () => {
    const merger = new CustomerMerger();
    merger.addRelationships([{ id: 'r1', status: 'active', endDateTime: '2027-01-01T00:00:00Z', customer: { tenantId: tenant(1).toUpperCase(), displayName: 'Graph’s name' } }]);
    merger.addGdapCustomers([{ tenantId: tenant(2), displayName: 'Only in Graph' }]);
    merger.addResellerCustomers([{ tenantId: tenant(1), name: 'Zeta GmbH', domain: 'zeta.onmicrosoft.com', inPartnerCenter: true, dap: 'unknown', relationships: [] }]);

    const [onlyInGraph, zeta] = merger.result(Date.parse('2026-12-01T00:00:00Z'));

    expect(zeta).toMatchObject({ tenantId: tenant(1), name: 'Zeta GmbH', domain: 'zeta.onmicrosoft.com', inPartnerCenter: true, dap: 'unknown', relationships: [{ id: 'r1', status: 'active' }] });
    expect(onlyInGraph).toMatchObject({ tenantId: tenant(2), name: 'Only in Graph', inPartnerCenter: false, dap: 'no' });
  });
});
