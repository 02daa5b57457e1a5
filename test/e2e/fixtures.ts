import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulatedCloud, type SimOptions, type SimulatedCloud } from '../sim';
import { startHarness, type Harness } from '../harness/server';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';
import { launchChromium } from '../support/browser';
import { signedInProfile } from '../support/signedInProfile';
import { desktopClipboard } from '../harness/desktopClipboard';
import type { SystemClipboard } from '../../electron/core/clipboard/clipboardKeeper';

export const screenshotDir = join('test-results', 'screenshots');
/** The window sizes every screen is checked at: a laptop's, and the smallest SAM Desk supports. */
const SCREEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 600 },
];

/**
 * Waits (at most 2 s) for finite animations, e.g. a toast fading in, to end: axe measures a
 * half-faded text's contrast, and the screenshot should show what the admin reads. Spinners loop forever and are left alone.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
}

export interface SliceFixtures {
  simOptions: SimOptions;
  sim: SimulatedCloud;
  isolated: IsolatedEnvironment;
  harness: Harness;
  simBrowser: Browser;
  appContext: BrowserContext;
  app: Page;
  /** The window opened after the partner admin has consented outside it (signedInProfile). */
  signedInApp: Page;
  /** The desktop clipboard the harness's main side writes and clears (X11 under Xvfb in CI). */
  clipboard: SystemClipboard;
  /** Saves full-page screenshots at 1280×800 and 900×600 under test-results/screenshots/ and fails on the axe violations the app owns at either size. */
  shoot: (page: Page, name: string, focus?: Locator) => Promise<void>;
}

/**
 * Each test gets its own simulated cloud, data folder, keychain service and harness, and a
 * Chromium that trusts exactly the simulator's certificate.
 */
export const test = base.extend<SliceFixtures>({
  simOptions: [{ customers: 60 }, { option: true }],
  sim: async ({ simOptions }, use, testInfo) => {
    const sim = await startSimulatedCloud(simOptions);
    await use(sim);
    // A failing test keeps what the simulated cloud answered beside its trace and screenshots.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('sim-requests.log', { body: sim.requestLog.since().join('\n'), contentType: 'text/plain' });
    }
    await sim.stop();
  },
  isolated: async ({ sim }, use) => {
    const isolated = isolatedEnvironment(sim);
    await use(isolated);
    await isolated.cleanUp();
  },
  harness: async ({ sim, isolated }, use) => {
    const harness = await startHarness({
      environment: isolated.environment,
      handlerOptions: { suggestions: { partnerTenant: sim.partnerDomain, clientId: sim.samAppId } },
    });
    await use(harness);
    await harness.stop();
  },
  simBrowser: async ({ sim }, use) => {
    const browser = await launchChromium(sim);
    await use(browser);
    await browser.close();
  },
  appContext: async ({ simBrowser, harness }, use) => {
    // Reduced motion (Fluent's motion then lasts 1 ms): axe scans a screen at rest, never a toast mid-fade,
    // whose half-transparent text would fail colour contrast only while it moves.
    const context = await simBrowser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    // As in Electron (securityPolicy.ts allowedPermissions): the page may write the clipboard, never read it.
    await context.grantPermissions(['clipboard-write'], { origin: new URL(harness.url).origin });
    await use(context);
    await context.close();
  },
  app: async ({ appContext, harness }, use) => {
    const page = await appContext.newPage();
    await page.goto(harness.url);
    await use(page);
  },
  signedInApp: async ({ appContext, sim, harness }, use) => {
    await signedInProfile(sim, harness.services);
    const page = await appContext.newPage();
    await page.goto(harness.url);
    await use(page);
  },
  clipboard: async ({}, use) => {
    const clipboard = desktopClipboard();
    await use(clipboard);
    // Nothing a test copied outlives it on the shared clipboard.
    await clipboard.clear();
  },
  shoot: async ({}, use, testInfo) => {
    mkdirSync(screenshotDir, { recursive: true });
    await use(async (page, name, focus) => {
      // Every screen a test shows is seen at both window sizes and scanned by axe at each.
      const original = page.viewportSize();
      const problems: string[] = [];
      for (const size of SCREEN_SIZES) {
        const suffix = size.width === 1280 ? '' : `-${size.width}x${size.height}`;
        if (page.viewportSize()?.width !== size.width || page.viewportSize()?.height !== size.height) await page.setViewportSize(size);
        // The part the test is about, at the top of what each size shows.
        await focus?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await settled(page);
        const path = join(screenshotDir, `${name}${suffix}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`${name}${suffix}`, { path, contentType: 'image/png' });
        problems.push(...(await seriousViolations(page, `${name}${suffix}`, testInfo)));
      }
      if (original) await page.setViewportSize(original);
      expect(problems, 'serious or critical accessibility violations').toEqual([]);
    });
  },
});

export { expect };
