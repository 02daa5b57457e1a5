/**
 * SAM Desk's production renderer in Chromium: first paint of the customer list, filter keystrokes
 * and the renderer's heap; and the baseline for first paint, a minimal React page served and
 * painted the same way by the same Chromium.
 */
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import type { Environment } from '../electron/core/config/environment';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import { CUSTOMER_CACHE_VERSION } from '../electron/core/tenants/customerTenants';
import type { CustomerList } from '../electron/ipc/contract';
import { startHarness } from '../test/harness/server';

/** In the page: when the customer list (its "Updated …" footer) has first been painted. */
const markFirstPaint = () => {
  const w = window as unknown as { __listPainted?: number };
  new MutationObserver((_, observer) => {
    if (document.body?.textContent?.includes('Updated 2')) {
      // The frame's paint follows its animation-frame callbacks; a message after them lands just after the paint.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__listPainted = performance.now());
        channel.port2.postMessage(0);
      });
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

async function firstPaint(page: Page, url: string): Promise<number> {
  await page.addInitScript(markFirstPaint);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __listPainted?: number }).__listPainted !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __listPainted: number }).__listPainted);
}

/** The renderer's JavaScript heap after a full collection (Chrome DevTools Protocol). */
async function rendererHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * One keystroke, as a React-controlled input receives it (the value changes, `input` fires), to
 * the paint of the frame whose rows answer the new query (the list pane's data-shown-query).
 */
function keystroke(page: Page, key: string): Promise<number> {
  return page.evaluate(
    (typed) =>
      new Promise<number>((resolve) => {
        const pane = document.querySelector('[data-shown-query]')!;
        const input = document.activeElement as HTMLInputElement;
        const next = typed === 'Backspace' ? input.value.slice(0, -1) : input.value + typed;
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (pane.getAttribute('data-shown-query') !== next) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - started);
            channel.port2.postMessage(0);
          });
        }).observe(pane, { attributes: true, attributeFilter: ['data-shown-query'] });
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, next);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    key,
  );
}

export interface AppFigures {
  firstPaintMs: number;
  heapBytes: number;
  keystrokesMs: number[];
}

/** Opens SAM Desk on a home whose cached list holds `customers`; measures first paint, heap and keystrokes. */
export async function measureApp(
  browser: Browser,
  environment: Environment,
  profile: ProfileRecord,
  customers: CustomerList['customers'],
  keystrokes: readonly string[] = [],
): Promise<AppFigures> {
  const home = mkdtempSync(join(tmpdir(), 'samdesk-bench-'));
  writeFileSync(join(home, 'profiles.json'), JSON.stringify({ schemaVersion: 1, data: [profile] }));
  writeFileSync(join(home, `customers-${profile.id}.json`), JSON.stringify({ schemaVersion: CUSTOMER_CACHE_VERSION, data: { fetchedAt: new Date().toISOString(), customers } }));
  const harness = await startHarness({ environment: { ...environment, home } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const firstPaintMs = await firstPaint(page, harness.url);
    const heapBytes = await rendererHeap(page);
    await page.getByLabel('Search customers').focus();
    const keystrokesMs: number[] = [];
    for (const key of keystrokes) keystrokesMs.push(await keystroke(page, key));
    return { firstPaintMs, heapBytes, keystrokesMs };
  } finally {
    await context.close();
    await harness.stop();
  }
}

const minimalPage = `
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(
  <main><h1>Customers</h1><p>No customers yet.</p><footer>Updated 2026-12-01</footer></main>,
);`;

/** The baseline: a minimal React page (React and react-dom, one render), built and served like the app's. */
export async function measureMinimalPage(browser: Browser): Promise<number> {
  const bundle = await build({
    stdin: { contents: minimalPage, loader: 'tsx', resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files: Record<string, { type: string; body: string | Uint8Array }> = {
    '/': { type: 'text/html', body: '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/page.js"></script></head><body><div id="root"></div></body></html>' },
    '/page.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.contents },
  };
  const server = http.createServer((request, response) => {
    const file = files[request.url ?? '/'];
    response.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain', 'cache-control': 'no-store' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await firstPaint(await context.newPage(), `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await context.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
