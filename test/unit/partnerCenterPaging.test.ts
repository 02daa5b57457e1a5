import { describe, expect, it } from 'vitest';
import { resolveCloud } from '../../electron/shared/cloud';
import type { HttpClient, HttpRequest } from '../../electron/core/http/httpClient';
import { fetchPartnerCenterCustomers, nextPageRequest } from '../../electron/core/tenants/sources';

const cloud = resolveCloud('public');

/** Answers every request with the same Partner Center page: a service that repeats itself. */
function repeatingPartnerCenter(sent: HttpRequest[]): HttpClient {
  const page = {
    items: [{ id: '11111111-1111-4111-8111-111111111111', companyProfile: { companyName: 'Zeta GmbH' } }],
    links: { next: { uri: '/customers?size=500&seekOperation=Next', method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: 'same' }] } },
  };
  return { send: async (request) => (sent.push(request), { status: 200, headers: {}, body: JSON.stringify(page) }) };
}

describe('following Partner Center’s next-page link', () => {
  it('asks for links.next.uri (which carries seekOperation=Next) with its MS-ContinuationToken header', () => {
    const request = nextPageRequest(cloud, {
      uri: '/customers?size=500&seekOperation=Next',
      headers: [
        { key: 'MS-ContinuationToken', value: 'abc' },
        { key: 'Authorization', value: 'Bearer someone-else' },
      ],
    });
    expect(request).toEqual({ url: 'https://api.partnercenter.microsoft.com/v1/customers?size=500&seekOperation=Next', headers: { 'MS-ContinuationToken': 'abc' } });
  });

  it('refuses a next link to another host, which would receive the partner’s access token', () => {
    expect(() => nextPageRequest(cloud, { uri: 'https://elsewhere.example/v1/customers' })).toThrow(/points elsewhere/);
  });

  it('stops with an error instead of paging forever when Partner Center hands out the same continuation token twice', async () => {
    const sent: HttpRequest[] = [];
    await expect(fetchPartnerCenterCustomers(repeatingPartnerCenter(sent), cloud, 'token', () => undefined)).rejects.toThrow(/same next page twice/);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.url).toContain('seekOperation=Next');
  });
});
