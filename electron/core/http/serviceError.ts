import { STATUS_CODES } from 'node:http';
import { parseRetryAfter, type HttpResponse } from './httpClient';

/**
 * Microsoft Graph or Partner Center answered with an error. The message is plain words built from
 * the status and the service's own error text; never a raw body, so a gateway's HTML page or an
 * empty 401 still reads as a sentence.
 */
export class ServiceError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    message: string,
    /** The service's own error code, when the body had one: Graph's `error.code`, Partner Center's `code`. */
    readonly code?: string,
    /** How long the service asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

interface ErrorBody {
  /** Graph's shape: { error: { code, message } }. */
  error?: { code?: string; message?: string } | string;
  /** Partner Center's shape: { code, description } (e.g. 900421, no MFA claim). */
  code?: number | string;
  description?: string;
  message?: string;
}

const MAX_DETAIL = 300;

/** "in 45 seconds", "in 10 minutes", "in about 2 hours": when the service said to try again. */
export function tryAgainIn(ms: number | undefined): string {
  if (ms === undefined) return 'in a minute';
  const seconds = Math.ceil(ms / 1000);
  if (seconds <= 1) return 'in a moment';
  if (seconds < 90) return `in ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `in ${minutes} minutes`;
  return `in about ${Math.round(minutes / 60)} hours`;
}

/**
 * Throttling (429, or 503 with Retry-After) says when to try again, per
 * https://learn.microsoft.com/graph/throttling and
 * https://learn.microsoft.com/partner-center/developer/api-throttling-guidance. Bodies can be
 * missing or not JSON behind proxies and gateways
 * (https://learn.microsoft.com/previous-versions/azure/ad/graph/howto/azure-ad-graph-api-error-codes-and-error-handling),
 * so the status alone must make a sentence.
 */
export function serviceErrorFrom(service: string, response: HttpResponse, now = Date.now()): ServiceError {
  const { status } = response;
  const reason = `${status} ${STATUS_CODES[status] ?? 'error'}`;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
  const body = response.body.trim();
  const parsed = parseBody(body);
  const code = typeof parsed?.error === 'object' ? parsed.error.code : parsed?.code !== undefined ? String(parsed.code) : undefined;
  const detail = plain(typeof parsed?.error === 'object' ? parsed.error.message : parsed?.description ?? parsed?.message);

  let message: string;
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    message = `${service} is limiting requests right now (${reason}); try again ${tryAgainIn(retryAfterMs)}.`;
  } else if (!body) {
    message = `${service} answered ${reason} without saying why; ${status === 401 ? 'sign in again, then try again' : 'try again in a minute'}.`;
  } else if (!parsed) {
    const looksLikePage = /^</.test(body) || /text\/html/i.test(String(response.headers['content-type'] ?? ''));
    message = `${service} answered ${reason} (${looksLikePage ? 'a gateway error page' : 'an answer SAM Desk could not read'}); try again in a minute.`;
  } else {
    message = detail ? `${service} answered ${reason}: ${detail}` : `${service} answered ${reason}; try again in a minute.`;
  }
  return new ServiceError(service, status, message, code, retryAfterMs);
}

function parseBody(body: string): ErrorBody | undefined {
  if (!body.startsWith('{')) return undefined;
  try {
    return JSON.parse(body) as ErrorBody;
  } catch {
    return undefined;
  }
}

/** The service's own words, on one line, cut short, ending as a sentence. */
function plain(text: unknown): string {
  if (typeof text !== 'string') return '';
  const line = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const short = line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
  return short && !/[.!?…]$/.test(short) ? `${short}.` : short;
}
