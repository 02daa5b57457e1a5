import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import type { Environment } from '../electron/core/config/environment';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import { CUSTOMER_CACHE_VERSION } from '../electron/core/tenants/customerTenants';
import type { CustomerList } from '../electron/ipc/contract';
import { startHarness } from '../test/harness/server';

/** Records, inside the page, when the customer list has first been painted (its "Updated …" footer). */
const markFirstPaint = () => {
  const w = window as unknown as { __listPainted?: number };
  new MutationObserver((_, observer) => {
    if (document.body?.textContent?.includes('Updated 2')) {
      requestAnimationFrame(() => (w.__listPainted = performance.now()));
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

/**
 * Opens SAM Desk's production renderer on a home whose cached list holds `customers`, and
 * measures first paint of the list (from navigation start) and, optionally, one filter keystroke
 * (keydown to the count showing the filtered figure, plus a frame).
 */
export async function measureRenderer(
  browser: Browser,
  environment: Environment,
  profile: ProfileRecord,
  customers: CustomerList['customers'],
  keystroke?: string,
): Promise<{ firstPaintMs: number; keystrokeMs?: number }> {
  const home = mkdtempSync(join(tmpdir(), 'samdesk-bench-'));
  writeFileSync(join(home, 'profiles.json'), JSON.stringify({ schemaVersion: CUSTOMER_CACHE_VERSION, data: [profile] }));
  writeFileSync(
    join(home, `customers-${profile.id}.json`),
    JSON.stringify({ schemaVersion: CUSTOMER_CACHE_VERSION, data: { fetchedAt: new Date().toISOString(), customers } }),
  );
  const harness = await startHarness({ environment: { ...environment, home } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(markFirstPaint);
    await page.goto(harness.url);
    await page.waitForFunction(() => (window as unknown as { __listPainted?: number }).__listPainted !== undefined, null, {
      timeout: 60_000,
    });
    const firstPaintMs = await page.evaluate(() => (window as unknown as { __listPainted: number }).__listPainted);
    if (!keystroke) return { firstPaintMs };
    const search = page.getByLabel('Search customers');
    await search.focus();
    const keystrokeMs = await page.evaluate(
      (key) =>
        new Promise<number>((resolve) => {
          const count = document.querySelector('[aria-labelledby="customers-heading"] [aria-live="polite"]')!;
          const before = count.textContent;
          let started = 0;
          new MutationObserver((_, observer) => {
            if (count.textContent !== before) {
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - started));
            }
          }).observe(count, { subtree: true, childList: true, characterData: true });
          const input = document.activeElement as HTMLInputElement;
          started = performance.now();
          // What a keystroke does to a React-controlled input: the value changes, input fires.
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(input, input.value + key);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      keystroke,
    );
    return { firstPaintMs, keystrokeMs };
  } finally {
    await context.close();
    await harness.stop();
  }
}
