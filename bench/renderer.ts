/**
 * SAM Desk's production renderer in Chromium: first paint of the customer list, filter keystrokes
 * and the renderer's heap; and the baseline for first paint, a minimal React page served and
 * painted the same way by the same Chromium.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import type { Environment } from '../electron/core/config/environment';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import { CustomerListCache } from '../electron/core/tenants/customerCache';
import type { CustomerList } from '../electron/ipc/customers';
import { startHarness } from '../test/harness/server';

/** In the page: when the customer list (its "Updated …" footer, data-fetched-at) has first been painted. */
const markFirstPaint = () => {
  const w = window as unknown as { __listPainted?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-fetched-at]')) {
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

/** When the whole list is in the window and searchable (the list pane's data-complete), in the page's time. */
async function wholeListReady(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (document.querySelector('[data-complete="true"]') ? performance.now() : false),
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
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
 * the paint of the frame whose rows answer the new query (the list pane's data-shown-query); and,
 * to see how much of that is waiting for the frame, to the commit of those rows.
 */
function keystroke(page: Page, key: string): Promise<{ paintMs: number; commitMs: number }> {
  return page.evaluate(
    (typed) =>
      new Promise<{ paintMs: number; commitMs: number }>((resolve) => {
        const pane = document.querySelector('[data-shown-query]')!;
        const input = document.activeElement as HTMLInputElement;
        const next = typed === 'Backspace' ? input.value.slice(0, -1) : input.value + typed;
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (pane.getAttribute('data-shown-query') !== next) return;
          observer.disconnect();
          const commitMs = performance.now() - started;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ paintMs: performance.now() - started, commitMs });
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
  /** The whole list in the window and searchable (the first paint shows its first screen). */
  wholeListMs: number;
  heapBytes: number;
  keystrokesMs: number[];
  /** Input → the commit of the filtered rows (the rest, to the paint, is the frame's work and its wait). */
  keystrokeCommitsMs: number[];
}

export interface Tracing {
  /** Called around each measured phase; returns what stops it (a CPU profile, a trace). */
  start(page: Page, phase: string): Promise<() => Promise<void>>;
}

/** Opens SAM Desk on a home whose cached list holds `customers`; measures first paint, heap and keystrokes. */
export async function measureApp(
  browser: Browser,
  environment: Environment,
  profile: ProfileRecord,
  customers: CustomerList['customers'],
  keystrokes: readonly string[] = [],
  tracing?: Tracing,
): Promise<AppFigures> {
  const home = mkdtempSync(join(tmpdir(), 'samdesk-bench-'));
  writeFileSync(join(home, 'profiles.json'), JSON.stringify({ schemaVersion: 1, data: [profile] }));
  // The saved list as SAM Desk saves it (the list and its first screen), as at a partner admin's next start.
  const saved = new CustomerListCache(home);
  await saved.change(profile.id, () => ({ fetchedAt: new Date().toISOString(), customers }));
  await saved.written(profile.id);
  const harness = await startHarness({ environment: { ...environment, home } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const label = `${customers.length}-customers`;
    const stopLoad = await tracing?.start(page, `first-paint-${label}`);
    const firstPaintMs = await firstPaint(page, harness.url);
    const wholeListMs = await wholeListReady(page);
    await stopLoad?.();
    const heapBytes = await rendererHeap(page);
    await page.getByLabel('Search customers').focus();
    const keystrokesMs: number[] = [];
    const keystrokeCommitsMs: number[] = [];
    const stopKeys = keystrokes.length ? await tracing?.start(page, `keystrokes-${label}`) : undefined;
    for (const key of keystrokes) {
      const { paintMs, commitMs } = await keystroke(page, key);
      keystrokesMs.push(paintMs);
      keystrokeCommitsMs.push(commitMs);
    }
    await stopKeys?.();
    return { firstPaintMs, wholeListMs, heapBytes, keystrokesMs, keystrokeCommitsMs };
  } finally {
    await context.close();
    await harness.stop();
  }
}

/**
 * The baseline: a minimal React page (React and react-dom, one render of what one answer from main
 * says), built and served exactly like the app's: the same harness (its bridge to main, its
 * headers), one IPC call, then the paint. Any window showing main's data pays that much.
 */
const minimalPage = `
import { createRoot } from 'react-dom/client';
window.samdesk.app.state().then((state) => {
  createRoot(document.getElementById('root')).render(
    <main><h1>Customers</h1><p>{state.profiles.length} profiles, no customers yet.</p><footer data-fetched-at="2026-12-01">Updated Dec 1, 2026</footer></main>,
  );
});`;

export async function measureMinimalPage(browser: Browser, environment: Environment): Promise<number> {
  const bundle = await build({
    stdin: { contents: minimalPage, loader: 'tsx', resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'samdesk-minimal-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./page.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(join(dir, 'page.js'), bundle.outputFiles[0]!.contents);
  const harness = await startHarness({ environment: { ...environment, home: mkdtempSync(join(tmpdir(), 'samdesk-minimal-home-')) }, rendererDir: dir });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await firstPaint(await context.newPage(), harness.url);
  } finally {
    await context.close();
    await harness.stop();
  }
}
