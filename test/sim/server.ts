/** The HTTPS server: routing, loopback-only controls, injected faults and latency, request stats. */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { AadError, aad, aadErrorBody, graphErrorBody, partnerCenterErrorBody } from './errors';
import { azureFaultBody, azureNotFoundBody } from './keyVaultErrors';
import { exchangeErrorBody } from './routes/exchangeAdmin';
import { JsonError, isLoopback, readBody, sendHtml, sendJson, type RequestContext, type Route, type RouteParams, type SimContext } from './http';
import type { Fault } from './state';

interface CompiledRoute extends Route {
  regex: RegExp;
  keys: string[];
}

type Family = 'identity' | 'graph' | 'partnercenter' | 'keyvault' | 'arm' | 'exchange' | 'controls';

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const pattern = route.path
    .split('/')
    // ":name" is a parameter, a whole segment or inside one (e.g. "applications(uniqueName=':uniqueName')").
    .map((segment) =>
      segment
        .split(/(:[A-Za-z]+)/)
        .map((part) => {
          if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          keys.push(part.slice(1));
          return part === segment ? '([^/]+)' : "([^/']+)";
        })
        .join(''),
    )
    .join('/');
  return { ...route, regex: new RegExp(`^${pattern}/?$`, 'i'), keys };
}

function familyOf(path: string): Family {
  if (path.startsWith('/graph/')) return 'graph';
  if (path.startsWith('/partnercenter/')) return 'partnercenter';
  if (path.startsWith('/keyvault/')) return 'keyvault';
  if (path.startsWith('/arm/')) return 'arm';
  if (path.startsWith('/exchange/')) return 'exchange';
  if (path.startsWith('/_sim/')) return 'controls';
  return 'identity';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const REASONS: Record<number, string> = { 502: 'Bad Gateway', 504: 'Gateway Timeout' };

/** A front door's own error page (assumption: HTML, no service error body). */
function gatewayPage(status: number): string {
  return `<!DOCTYPE html><html><head><title>${status} ${REASONS[status]}</title></head><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p></body></html>`;
}

function wwwAuthenticate(family: Family): string {
  return family === 'graph'
    ? 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'
    : 'Bearer';
}

/** Where a route writes when its answer is to be replaced by an after-commit fault. */
function discardedResponse(): ServerResponse {
  const sink = {
    statusCode: 200,
    headersSent: false,
    destroyed: false,
    writableFinished: false,
    setHeader: () => sink,
    writeHead: (status: number) => ((sink.statusCode = status), sink),
    end: () => ((sink.headersSent = true), (sink.writableFinished = true), sink),
    on: () => sink,
  };
  return sink as unknown as ServerResponse;
}

export interface RunningServer {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(
  tls: { keyPem: string; certPem: string },
  port: number,
  routes: () => Route[],
  context: () => SimContext,
  log: (line: string) => void,
): Promise<RunningServer> {
  let compiled: CompiledRoute[] | undefined;
  const sockets = new Set<Socket>();

  function errorResponse(ctx: RequestContext, family: Family, status: number, retryAfter?: number): void {
    const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
    const now = ctx.sim.clock.now();
    // Assumption (no Microsoft source; research notes §8): a front door answers 502/504 with its own
    // HTML page, and a 401 may come with no body at all, only WWW-Authenticate. The legacy Azure AD
    // Graph error-handling doc warns that bodies can be missing behind proxies and gateways.
    if (status === 502 || status === 504) return sendHtml(ctx.res, status, gatewayPage(status), headers);
    if (status === 401) {
      ctx.res.writeHead(401, { 'www-authenticate': wwwAuthenticate(family), 'content-length': 0, ...headers });
      return void ctx.res.end();
    }
    // 429 with Retry-After, however long: https://learn.microsoft.com/graph/throttling and
    // https://learn.microsoft.com/partner-center/developer/api-throttling-guidance.
    if (family === 'graph') {
      const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceUnavailable' : 'InternalServerError';
      const message = status === 429 ? 'Too many requests, please retry after some time.' : 'The service is temporarily unavailable.';
      return sendJson(ctx.res, status, graphErrorBody(code, message, ctx.correlationId, now), headers);
    }
    if (family === 'keyvault' || family === 'arm') return sendJson(ctx.res, status, azureFaultBody(family, status), headers);
    if (family === 'exchange') {
      // Assumption: Exchange's admin API uses its OData error shape for these too.
      const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceUnavailable' : 'InternalServerError';
      return sendJson(ctx.res, status, exchangeErrorBody(code, status === 429 ? 'Too many requests, please retry later.' : 'The service is temporarily unavailable.'), headers);
    }
    if (family === 'partnercenter') {
      const description = status === 429 ? 'Rate limit is exceeded. Try again later.' : 'The service is temporarily unavailable.';
      return sendJson(ctx.res, status, partnerCenterErrorBody(status, description), headers);
    }
    const err = status === 429 ? aad.throttled() : aad.serverError(status);
    sendJson(ctx.res, status, aadErrorBody(err, ctx.sim.baseUrl, ctx.correlationId, now), headers);
  }

  function notFound(ctx: RequestContext, family: Family): void {
    if (family === 'graph') {
      sendJson(ctx.res, 400, graphErrorBody('BadRequest', `Resource not found for the segment '${ctx.url.pathname.split('/').pop()}'.`, ctx.correlationId, ctx.sim.clock.now()));
    } else if (family === 'keyvault' || family === 'arm') {
      sendJson(ctx.res, family === 'keyvault' ? 400 : 404, azureNotFoundBody(family, ctx.method, ctx.url.pathname));
    } else if (family === 'partnercenter') {
      sendJson(ctx.res, 404, partnerCenterErrorBody(404, 'The requested resource was not found.'));
    } else if (family === 'exchange') {
      sendJson(ctx.res, 404, exchangeErrorBody('NotFound', `No route for ${ctx.method} ${ctx.url.pathname}.`));
    } else {
      sendJson(ctx.res, 404, { error: 'not_found', error_description: `No route for ${ctx.method} ${ctx.url.pathname}.` });
    }
  }

  function takeFault(ctx: RequestContext): Fault | undefined {
    const faults = ctx.sim.state.controls.faults;
    const fault = faults.find((f: Fault) => ctx.url.pathname.includes(f.path) && f.count !== 0 && (!f.method || f.method.toUpperCase() === ctx.method));
    if (!fault) return undefined;
    if (fault.count > 0) fault.count -= 1;
    if (fault.count === 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  }

  /** Answers with the fault in place of the route; returns false when the fault only added latency. */
  async function answerWithFault(ctx: RequestContext, family: Family, fault: Fault): Promise<boolean> {
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.reset) {
      ctx.req.socket.destroy();
      return true;
    }
    if (fault.hang) return true;
    if (fault.status) {
      errorResponse(ctx, family, fault.status, fault.retryAfter ?? (fault.status === 429 ? 1 : undefined));
      return true;
    }
    return false;
  }

  /**
   * A fault after the write: the route runs and commits (its answer is thrown away), then the
   * client gets the fault, as when Graph's backend applied a POST but the answer never came back.
   */
  async function runThenFault(ctx: RequestContext, family: Family, route: CompiledRoute, fault: Fault): Promise<void> {
    const real = ctx.res;
    ctx.res = discardedResponse();
    try {
      await route.handler(ctx);
    } catch {
      // The client sees the fault whatever the route answered.
    }
    ctx.res = real;
    if (!(await answerWithFault(ctx, family, fault))) errorResponse(ctx, family, 500);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sim = context();
    const url = new URL(req.url ?? '/', sim.baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const family = familyOf(url.pathname);
    const correlation = req.headers['client-request-id'];
    const ctx: RequestContext = {
      req, res, url, method, params: {} as RouteParams, rawBody: '', sim,
      correlationId: typeof correlation === 'string' ? correlation : undefined,
    };
    const started = Date.now();
    res.on('finish', () => log(`${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`));
    // A request never answered (a hang fault, a reset, a client that gave up) is logged too.
    res.on('close', () => res.writableFinished || log(`${method} ${url.pathname} not answered, closed after ${Date.now() - started}ms`));
    try {
      ctx.rawBody = await readBody(req);
      // Controls are part of the simulator, not of Microsoft's API: loopback callers only.
      if (family === 'controls' && !isLoopback(req.socket.remoteAddress)) {
        return sendJson(res, 403, { error: 'forbidden', message: 'Simulator controls answer loopback callers only.' });
      }
      compiled ??= routes().map(compile);
      const route = compiled.find((r) => r.method === method && r.regex.test(url.pathname));
      if (family !== 'controls') sim.state.countRequest(route ? route.name ?? `${route.method} ${route.path}` : 'unmatched');
      let afterCommit: Fault | undefined;
      if (family !== 'controls') {
        const fault = takeFault(ctx);
        if (fault?.afterCommit) afterCommit = fault;
        else if (fault && (await answerWithFault(ctx, family, fault))) return;
        const delay = sim.state.controls.latency.filter((r) => !r.path || url.pathname.includes(r.path)).reduce((sum, r) => sum + r.ms, 0);
        if (delay > 0) await sleep(delay);
      }
      if (!route) return notFound(ctx, family);
      const match = route.regex.exec(url.pathname)!;
      route.keys.forEach((key, i) => ((ctx.params as Record<string, string>)[key] = decodeURIComponent(match[i + 1] ?? '')));
      if (afterCommit) return await runThenFault(ctx, family, route, afterCommit);
      await route.handler(ctx);
    } catch (err) {
      if (res.headersSent || res.destroyed) return;
      if (err instanceof AadError) {
        return sendJson(res, err.status, aadErrorBody(err, sim.baseUrl, ctx.correlationId, sim.clock.now()));
      }
      if (err instanceof JsonError) return sendJson(res, err.status, err.body, err.headers);
      log(`ERROR ${method} ${url.pathname}: ${(err as Error).stack ?? err}`);
      errorResponse(ctx, family, 500);
    }
  }

  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', (error: Error) => {
    // A client that does not trust the CA hangs up during the handshake; nothing to answer, but say so.
    log(`TLS handshake failed: ${error.message}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  return {
    server,
    port: actualPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}
