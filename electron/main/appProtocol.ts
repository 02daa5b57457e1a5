import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { APP_SCHEME, appFilePath, appPageHeaders, contentTypes } from './securityPolicy';

/**
 * Electron security checklist §18 (prefer a custom protocol to file://): the renderer is served
 * from app://samdesk/, a standard, secure origin of its own, with the CSP as a response header.
 * Must run before `app.whenReady()`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves files from the renderer folder only; anything else is a 404. */
export function serveAppPages(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFilePath(request.url, rendererDir, join);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...appPageHeaders, 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
