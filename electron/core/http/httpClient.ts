import https from 'node:https';
import http from 'node:http';
import { rootCertificates } from 'node:tls';
import type { ExtraCa } from '../config/environment';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /**
   * May be sent again after a 5xx or a dropped connection, when Microsoft may already have acted
   * on it: reads (GET, DELETE) are; a POST or PATCH only when the caller knows it to be idempotent
   * (a refresh-token redemption, a Graph upsert). A blind resend of a create makes duplicates.
   */
  retrySafe?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** The network failed before Microsoft answered (after retries), or the call was cancelled. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** A request to a host outside the cloud was refused; nothing was sent. */
export class OutsideCloudError extends Error {
  constructor(readonly host: string) {
    super(`SAM Desk sends nothing to ${host}: it is not a host of the cloud SAM Desk is set to.`);
    this.name = 'OutsideCloudError';
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out; the 429 is returned to the caller. */
  maxRetryAfterMs: number;
  timeoutMs: number;
}

const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 30_000,
};

const retryableStatus = new Set([500, 502, 503, 504]);

function mayResend(request: HttpRequest): boolean {
  return request.retrySafe ?? (request.method === 'GET' || request.method === 'DELETE');
}

export interface NodeHttpClientOptions {
  /** An extra CA, trusted for its one origin only (the custom cloud's); every other host gets the system roots. */
  extraCa?: ExtraCa;
  /** Where requests may go: anything else is refused before it is sent (OutsideCloudError). */
  onlyTo?: (url: URL) => boolean;
  retry?: Partial<RetryPolicy>;
  maxSockets?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * HTTPS over Node's own stack, trusting the system roots plus one extra CA (the simulated
 * cloud's). Retries with exponential backoff and jitter, honouring Retry-After: a 429 always (a
 * throttled request was not processed; https://learn.microsoft.com/graph/throttling says wait
 * Retry-After, then retry), 5xx answers and dropped connections only for requests safe to send
 * twice (`retrySafe`). A Retry-After longer than the policy allows is not waited out: the answer
 * goes back to the caller, who says when to try again.
 */
export function createHttpClient(options: NodeHttpClientOptions = {}): HttpClient {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const maxSockets = options.maxSockets ?? 32;
  const agent = new https.Agent({ keepAlive: true, maxSockets });
  const extra = options.extraCa;
  const extraAgent = extra && new https.Agent({ keepAlive: true, maxSockets, ca: [...rootCertificates, extra.pem] });
  const agentFor = (url: URL) => (extraAgent && url.origin === extra.origin ? extraAgent : agent);

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const url = new URL(request.url);
    if (options.onlyTo && !options.onlyTo(url)) throw new OutsideCloudError(url.host);
    for (let attempt = 1; ; attempt++) {
      let outcome: HttpResponse | NetworkError;
      try {
        outcome = await sendOnce(agentFor(url), request, policy.timeoutMs);
      } catch (error) {
        if (error instanceof NetworkError && error.cancelled) throw error;
        outcome = error instanceof NetworkError ? error : new NetworkError(String(error));
      }
      const throttled = !(outcome instanceof NetworkError) && outcome.status === 429;
      const retryable = throttled || (mayResend(request) && (outcome instanceof NetworkError || retryableStatus.has(outcome.status)));
      if (!retryable || attempt >= policy.attempts) {
        if (outcome instanceof NetworkError) throw outcome;
        return outcome;
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      let delay = backoff / 2 + random() * (backoff / 2);
      if (!(outcome instanceof NetworkError)) {
        const retryAfter = parseRetryAfter(outcome.headers['retry-after']);
        if (retryAfter !== undefined) {
          if (retryAfter > policy.maxRetryAfterMs) return outcome;
          delay = Math.max(retryAfter, delay);
        }
      }
      await sleep(delay, request.signal);
    }
  }

  return { send };
}

function sendOnce(agent: https.Agent, request: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(new NetworkError('The request was cancelled.', true));
    const url = new URL(request.url);
    const transport = url.protocol === 'http:' ? http : https;
    const req = transport.request(
      url,
      {
        method: request.method,
        headers: {
          ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body).toString() }),
          ...request.headers,
        },
        agent: url.protocol === 'https:' ? agent : undefined,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (error) => reject(new NetworkError(describeNetworkFailure(url, error))));
      },
    );
    const onAbort = () => req.destroy(new NetworkError('The request was cancelled.', true));
    request.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('timeout', () => req.destroy(new NetworkError(`${url.host} did not answer within ${timeoutMs / 1000} s.`)));
    req.on('error', (error) =>
      reject(error instanceof NetworkError ? error : new NetworkError(describeNetworkFailure(url, error))),
    );
    req.on('close', () => request.signal?.removeEventListener('abort', onAbort));
    req.end(request.body);
  });
}

function describeNetworkFailure(url: URL, error: Error & { code?: string }): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `Could not connect to ${url.host}: the connection was refused.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not find ${url.hostname}. Check the network connection.`;
    case 'ECONNRESET':
      return `The connection to ${url.host} was reset.`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `${url.host} presented a certificate SAM Desk does not trust.`;
    default:
      return `The connection to ${url.host} failed (${error.code ?? error.message}).`;
  }
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** setTimeout as a promise that a cancelled request can cut short. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetworkError('The request was cancelled.', true));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new NetworkError('The request was cancelled.', true));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function readJson<T>(response: HttpResponse): T | undefined {
  try {
    return JSON.parse(response.body) as T;
  } catch {
    return undefined;
  }
}
