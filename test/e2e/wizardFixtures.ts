/** Fixtures for the first-hour specs: main's confirmations recorded and answered, and what the window shows. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Confirmation } from '../../electron/core/app/confirmations';
import { startHarness } from '../harness/server';
import { expect, screenshotDir, test as base } from './fixtures';

/** The two window sizes every first-hour screen is seen at. */
export const viewports = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '900x600', width: 900, height: 600 },
] as const;

interface FirstHourFixtures {
  /** Every confirmation main asked (a native dialog in Electron), answered with `answer`. */
  confirmations: { asked: Confirmation[]; answer: boolean };
  /** Saves what the window shows (not the full page): a sticky footer or a toast where the admin sees it. */
  shootView: (page: Page, name: string) => Promise<void>;
  /** The same, at 1280×800 and at 900×600; the window keeps the size it had. */
  shootSizes: (page: Page, name: string) => Promise<void>;
}

export const test = base.extend<FirstHourFixtures>({
  confirmations: async ({}, use) => {
    await use({ asked: [], answer: true });
  },
  harness: async ({ sim, isolated, confirmations }, use) => {
    const harness = await startHarness({
      environment: isolated.environment,
      handlerOptions: {
        suggestions: { partnerTenant: sim.partnerDomain, clientId: sim.samAppId },
        confirm: async (confirmation) => {
          confirmations.asked.push(confirmation);
          return confirmations.answer;
        },
      },
    });
    await use(harness);
    await harness.stop();
  },
  shootView: async ({}, use, testInfo) => {
    mkdirSync(screenshotDir, { recursive: true });
    await use(async (page, name) => {
      const size = page.viewportSize();
      const path = join(screenshotDir, `${name}-${size?.width}x${size?.height}.png`);
      await page.screenshot({ path });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
  shootSizes: async ({ shootView }, use) => {
    await use(async (page, name) => {
      const before = page.viewportSize();
      for (const size of viewports) {
        await page.setViewportSize(size);
        await shootView(page, name);
      }
      if (before) await page.setViewportSize(before);
    });
  },
});

export { expect };

/** The step's heading has focus (it moves there when the step opens). */
export async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}

/** Wholly inside the window: the admin sees it without scrolling. */
export async function expectInView(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, 'the element is laid out').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
}

/** The two boxes share no pixel. */
export async function expectApart(first: Locator, second: Locator): Promise<void> {
  const [a, b] = [await first.boundingBox(), await second.boundingBox()];
  expect(a && b, 'both are laid out').toBeTruthy();
  const overlap = a!.x < b!.x + b!.width && b!.x < a!.x + a!.width && a!.y < b!.y + b!.height && b!.y < a!.y + a!.height;
  expect(overlap, `${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(false);
}

/** A button whose label fits on one line (its height is a single-line button's). */
export async function expectOneLine(button: Locator): Promise<void> {
  const box = await button.boundingBox();
  expect(box, 'the button is laid out').not.toBeNull();
  expect(box!.height, 'a two-line label makes the button taller than 40 px').toBeLessThanOrEqual(40);
}
