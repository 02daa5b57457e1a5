/** Small request/response helpers shared by the routes (plain node:https, no framework). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimClock } from './clock';
import type { SimState } from './state';
import type { TokenService } from './tokens';
import type { SeededSecrets } from './seed';
import type { LoginStore } from './routes/login';

export interface SimContext {
  state: SimState;
  clock: SimClock;
  tokens: TokenService;
  baseUrl: string;
  secrets: SeededSecrets;
  autoApprove: boolean;
  deviceCodeIntervalSeconds: number;
  login: LoginStore;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  /** Path parameters; a handler reads only those its route's path declares. */
  params: RouteParams;
  rawBody: string;
  sim: SimContext;
  correlationId?: string;
}

export type RouteParams = Record<'tenant' | 'id' | 'appId' | 'tenantId' | 'uniqueName', string>;

export type Handler = (ctx: RequestContext) => Promise<void> | void;

export interface Route {
  method: string;
  /** Path pattern with ":name" segments, e.g. "/:tenant/oauth2/v2.0/token". */
  path: string;
  /** Name used in /_sim/stats. Defaults to "METHOD path". */
  name?: string;
  handler: Handler;
}

/** A ready-made JSON error response (Graph's or Partner Center's shapes). */
export class JsonError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store, no-cache',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store, no-cache',
    'content-length': Buffer.byteLength(html),
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { location, 'cache-control': 'no-store, no-cache', 'content-length': 0, ...headers });
  res.end();
}

export function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function form(ctx: RequestContext): URLSearchParams {
  return new URLSearchParams(ctx.rawBody);
}

export function json<T = Record<string, unknown>>(ctx: RequestContext): T {
  if (!ctx.rawBody.trim()) return {} as T;
  try {
    return JSON.parse(ctx.rawBody) as T;
  } catch {
    throw new JsonError(400, { error: 'invalid_json', message: 'Request body is not valid JSON.' });
  }
}

export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
