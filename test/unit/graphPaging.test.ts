import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest } from '../../electron/core/http/httpClient';
import { fetchGraphCollection } from '../../electron/core/tenants/sources';

const first = 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminCustomers?$top=300';

/** A Graph whose first page names `nextLink` (and the next page nothing), recording every request it is sent. */
function graphLinkingTo(nextLink: string, sent: HttpRequest[]): HttpClient {
  return {
    send: async (request) => {
      sent.push(request);
      const body = sent.length === 1 ? { value: [{ id: 'a' }], '@odata.nextLink': nextLink } : { value: [{ id: 'b' }] };
      return { status: 200, headers: {}, body: JSON.stringify(body) };
    },
  };
}

describe('following Graph’s @odata.nextLink', () => {
  it.each([
    ['another host', 'https://collector.example/v1.0/next?$skiptoken=x', /points elsewhere \(https:\/\/collector\.example\)/],
    ['plain http on the same host', 'http://graph.microsoft.com/v1.0/next?$skiptoken=x', /points elsewhere \(http:\)/],
    ['another port on the same host', 'https://graph.microsoft.com:8443/v1.0/next', /points elsewhere/],
    ['something that is not a web address', 'not a url', /not a web address/],
  ])('refuses a next link to %s, and never sends the partner’s token there', async (_what, nextLink, message) => {
    const sent: HttpRequest[] = [];
    await expect(fetchGraphCollection(graphLinkingTo(nextLink, sent), first, 'token', () => undefined)).rejects.toThrow(message);
    expect(sent.map((request) => request.url)).toEqual([first]);
  });

  it('follows a next link on Graph itself', async () => {
    const sent: HttpRequest[] = [];
    const next = 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminCustomers?$skiptoken=abc';
    await expect(fetchGraphCollection(graphLinkingTo(next, sent), first, 'token', () => undefined)).resolves.toBe(2);
    expect(sent.map((request) => request.url)).toEqual([first, next]);
  });
});
