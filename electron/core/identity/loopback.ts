import http from 'node:http';
import { MicrosoftIdentityError } from './aadsts';

const LOOPBACK_PORTS = { first: 8400, last: 8999 } as const;
const LOOPBACK_TIMEOUT_MS = 5 * 60_000;

export class SignInCancelledError extends Error {
  constructor(message = 'The sign-in was cancelled.') {
    super(message);
    this.name = 'SignInCancelledError';
  }
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
  `<style>body{font:15px "Segoe UI",system-ui,sans-serif;margin:15vh auto;max-width:28rem;color:#242424}</style>` +
  `</head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * The authorization-code redirect target: http://localhost:PORT/, with PORT the first free one in
 * 8400–8999, served on both loopback addresses. Chromium tries ::1 before 127.0.0.1 for
 * `localhost`, so a port is only taken when ::1 is ours too (or the machine has no IPv6 loopback):
 * otherwise another local user listening on [::1]:PORT would receive the code. It answers one
 * sign-in: a request whose `state` is not ours is ignored (and says so), the first matching one
 * ends it, and it shuts itself after five minutes (RFC 8252 §7.3 and §8.3, loopback redirection).
 */
export class LoopbackListener {
  private constructor(
    private readonly servers: http.Server[],
    readonly port: number,
  ) {}

  static async start(ports: { first: number; last: number } = LOOPBACK_PORTS): Promise<LoopbackListener> {
    for (let port = ports.first; port <= ports.last; port++) {
      const v4 = await listen(port, '127.0.0.1');
      if (v4 === 'busy' || v4 === 'unavailable') continue;
      const v6 = await listen(port, '::1');
      if (v6 === 'busy') {
        // Someone else answers [::1]:port, where localhost goes first: not this port.
        v4.close();
        continue;
      }
      return new LoopbackListener(v6 === 'unavailable' ? [v4] : [v4, v6], port);
    }
    throw new Error(`No free port between ${ports.first} and ${ports.last} for the sign-in redirect. Close other sign-ins and try again.`);
  }

  get redirectUri(): string {
    return `http://localhost:${this.port}/`;
  }

  /** Resolves with the authorization code for `state`; rejects on error, cancel or timeout. */
  waitForCode(state: string, signal?: AbortSignal, timeoutMs = LOOPBACK_TIMEOUT_MS): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.close();
        outcome();
      };
      const onAbort = () => finish(() => reject(new SignInCancelledError()));
      const timer = setTimeout(
        () => finish(() => reject(new SignInCancelledError('The sign-in was not finished within 5 minutes.'))),
        timeoutMs,
      );
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });

      const answer = (request: http.IncomingMessage, response: http.ServerResponse) => {
        const url = new URL(request.url ?? '/', this.redirectUri);
        const send = (status: number, title: string, text: string) => {
          response.writeHead(status, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            connection: 'close',
          });
          response.end(page(title, text));
        };
        if (request.method !== 'GET' || url.pathname !== '/') return send(404, 'Not found', 'Nothing here.');
        if (url.searchParams.get('state') !== state) {
          return send(
            400,
            'Sign-in response ignored',
            'This response does not belong to the sign-in SAM Desk started, so it was ignored. Return to SAM Desk.',
          );
        }
        const error = url.searchParams.get('error');
        if (error) {
          send(200, 'Sign-in did not finish', 'Return to SAM Desk to see what happened.');
          const description = url.searchParams.get('error_description') ?? undefined;
          return finish(() => reject(new MicrosoftIdentityError({ error, error_description: description })));
        }
        const code = url.searchParams.get('code');
        if (!code) return send(400, 'Sign-in response ignored', 'The response had no authorization code.');
        send(200, 'You are signed in', 'SAM Desk has what it needs. You can close this window.');
        finish(() => resolve(code));
      };
      for (const server of this.servers) server.on('request', answer);
    });
  }

  /** Stops listening; a page being answered still gets its last bytes. */
  close(): void {
    for (const server of this.servers) {
      server.close();
      server.closeIdleConnections();
    }
  }
}

/**
 * Listens on one loopback address, never 0.0.0.0 (RFC 8252 §8.3). 'busy': someone holds it;
 * 'unavailable': this machine has no such address (no IPv6 loopback), which nobody else can hold either.
 */
function listen(port: number, host: '127.0.0.1' | '::1'): Promise<http.Server | 'busy' | 'unavailable'> {
  const server = http.createServer();
  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT' ? 'unavailable' : 'busy'),
    );
    server.listen({ port, host, exclusive: true, ipv6Only: host === '::1' }, () => resolve(server));
  });
}
