import { describe, expect, it } from 'vitest';
import { serviceErrorFrom, tryAgainIn } from '../../electron/core/http/serviceError';
import type { HttpResponse } from '../../electron/core/http/httpClient';

const answer = (status: number, body: string, headers: HttpResponse['headers'] = {}): HttpResponse => ({ status, body, headers });
const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('what a Graph or Partner Center error says', () => {
  it('says when to try again for 429 and 503 with Retry-After (seconds or a date), in words', () => {
    expect(serviceErrorFrom('Microsoft Graph', answer(429, '{"error":{"code":"TooManyRequests","message":"Too many requests"}}', { 'retry-after': '600' }), NOW).message).toBe(
      'Microsoft Graph is limiting requests right now (429 Too Many Requests); try again in 10 minutes.',
    );
    expect(serviceErrorFrom('Partner Center', answer(503, '{"code":503,"description":"busy"}', { 'retry-after': 'Wed, 25 Nov 2026 10:00:45 GMT' }), NOW)).toMatchObject({
      message: 'Partner Center is limiting requests right now (503 Service Unavailable); try again in 45 seconds.',
      retryAfterMs: 45_000,
    });
    expect(serviceErrorFrom('Microsoft Graph', answer(429, ''), NOW).message).toBe('Microsoft Graph is limiting requests right now (429 Too Many Requests); try again in a minute.');
    expect(tryAgainIn(3 * 3600_000)).toBe('in about 3 hours');
  });

  it('names a gateway’s HTML page without repeating it, and an empty 401 without "undefined"', () => {
    const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><script>alert(1)</script></body></html>';
    const gateway = serviceErrorFrom('Microsoft Graph', answer(502, page, { 'content-type': 'text/html' }), NOW).message;
    expect(gateway).toBe('Microsoft Graph answered 502 Bad Gateway (a gateway error page); try again in a minute.');
    expect(serviceErrorFrom('Microsoft Graph', answer(504, 'upstream request timeout'), NOW).message).toBe(
      'Microsoft Graph answered 504 Gateway Timeout (an answer SAM Desk could not read); try again in a minute.',
    );
    const empty = serviceErrorFrom('Microsoft Graph', answer(401, '', { 'www-authenticate': 'Bearer realm=""' }), NOW).message;
    expect(empty).toBe('Microsoft Graph answered 401 Unauthorized without saying why; sign in again, then try again.');
    for (const message of [gateway, empty]) expect(message).not.toMatch(/<|undefined|null/);
  });

  it('keeps the service’s own words, on one line and cut short, with Graph’s error code', () => {
    const graph = serviceErrorFrom('Microsoft Graph', answer(400, JSON.stringify({ error: { code: 'Request_BadRequest', message: 'Permission entry already exists' } })), NOW);
    expect(graph).toMatchObject({ message: 'Microsoft Graph answered 400 Bad Request: Permission entry already exists.', code: 'Request_BadRequest', status: 400 });
    const long = serviceErrorFrom('Partner Center', answer(500, JSON.stringify({ description: `line one\n<b>${'x'.repeat(1000)}</b>` })), NOW).message;
    expect(long.length).toBeLessThan(400);
    expect(long).toMatch(/^Partner Center answered 500 Internal Server Error: line one x+…$/);
    expect(serviceErrorFrom('Microsoft Graph', answer(500, '{}'), NOW).message).toBe('Microsoft Graph answered 500 Internal Server Error; try again in a minute.');
  });
});
