import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { EventName, EventPayloads } from '../../electron/ipc/events';
import { dispatch } from '../../electron/core/app/dispatch';
import { createHandlers } from '../../electron/core/app/handlers';
import type { HandlerOptions } from '../../electron/core/app/handlers/types';
import { createServices, type Services } from '../../electron/core/app/services';
import type { Environment } from '../../electron/core/config/environment';
import { appPageHeaders, contentTypes } from '../../electron/main/securityPolicy';
import type { SystemClipboard } from '../../electron/core/clipboard/clipboardKeeper';
import { desktopClipboard } from './desktopClipboard';

export interface Harness {
  /** Open this in a browser: it carries the session secret that lets the page call the handlers. */
  url: string;
  services: Services;
  stop(): Promise<void>;
}

/**
 * Runs SAM Desk without the Electron binary: serves the production renderer bundle and binds the
 * real main-process handlers as its API over HTTP on 127.0.0.1. Like the Electron IPC binding,
 * it answers only its own page (same origin, session cookie) and validates every input.
 */
export async function startHarness(options: {
  environment: Environment;
  rendererDir?: string;
  port?: number;
  handlerOptions?: HandlerOptions;
  /** Default: the desktop's clipboard (X11 under Xvfb in CI). */
  clipboard?: SystemClipboard;
}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const session = randomBytes(24).toString('base64url');
  const bridge = await bundleBridge();
  const streams = new Set<http.ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  };
  const services = createServices(options.environment, {
    opener: {
      open(url) {
        emit('window.open', { url });
        return { close: () => emit('window.close', {}) };
      },
    },
    events: { emit },
    clipboard: options.clipboard ?? desktopClipboard(),
  });
  // The harness is the tests' and the demo's: what Electron asks in a native dialog is answered yes
  // here unless a test passes its own confirmer (test/integration/mainProcess.test.ts covers the dialog).
  const handlers = createHandlers(services, { confirm: async () => true, ...options.handlerOptions });
  // Like the app: vault copies are checked and failed pushes retried in the background.
  const stopVaultSync = services.keyVault.sync.startBackground();

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const authorized = cookie(request, 'samdesk_session') === session;
    try {
      if (url.pathname === '/' && url.searchParams.get('session') === session) {
        response.writeHead(302, {
          'set-cookie': `samdesk_session=${session}; HttpOnly; SameSite=Strict; Path=/`,
          location: '/index.html',
        });
        return response.end();
      }
      if (url.pathname === '/__samdesk/bridge.js') return send(response, 200, '.js', bridge);
      if (url.pathname === '/__samdesk/events' && authorized) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        response.write(': connected\n\n');
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      if (url.pathname.startsWith('/__samdesk/ipc/') && request.method === 'POST') {
        // Same checks as the Electron binding's trusted-sender test: our page, our session.
        if (!authorized || request.headers.origin !== origin) return send(response, 403, '.txt', 'forbidden');
        const channel = decodeURIComponent(url.pathname.slice('/__samdesk/ipc/'.length));
        const body = JSON.parse((await readBody(request)) || '{}') as { input?: unknown };
        return send(response, 200, '.json', JSON.stringify(await dispatch(handlers, channel, body.input)));
      }
      const file = resolve(join(rendererDir, normalize(url.pathname === '/index.html' ? 'index.html' : url.pathname)));
      if (!file.startsWith(rendererDir + sep)) return send(response, 404, '.txt', 'not found');
      let content = await readFile(file);
      if (file.endsWith('index.html')) {
        content = Buffer.from(
          content.toString('utf8').replace('<head>', '<head><script src="/__samdesk/bridge.js"></script>'),
        );
      }
      return send(response, 200, extname(file), content);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return send(response, code === 'ENOENT' || code === 'EISDIR' ? 404 : 500, '.txt', code ?? 'error');
    }
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/?session=${session}`,
    services,
    async stop() {
      services.consent.cancel();
      // As the app does on quit: a secret it copied does not outlive it on the clipboard.
      await services.clipboard.clearNow();
      stopVaultSync();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

function send(response: http.ServerResponse, status: number, extension: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': contentTypes[extension] ?? 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The app's pages carry the same CSP header as in Electron (frame-ancestors needs a header).
    ...(extension === '.html' ? appPageHeaders : {}),
  });
  response.end(body);
}

function cookie(request: http.IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
  });
  return result.outputFiles[0]!.text;
}
