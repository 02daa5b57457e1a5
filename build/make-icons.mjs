#!/usr/bin/env node
// Renders the SVG sources in build/icons-src/ to the PNGs electron-builder and the tray use:
//   build/icon.png                         512x512 app icon
//   build/tray/tray-<level>.png            32x32 tray icon per expiry level
//   build/tray/tray-<level>@2x.png         64x64 for high-DPI trays
// Uses Debian's Chromium through Playwright (SAMDESK_CHROMIUM overrides the path), so no image
// tool is needed. Run: node build/make-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const buildDir = dirname(fileURLToPath(import.meta.url));
const source = (name) => join(buildDir, 'icons-src', `${name}.svg`);

const outputs = [{ svg: source('icon'), png: join(buildDir, 'icon.png'), size: 512 }];
for (const level of ['healthy', 'warning', 'critical', 'expired']) {
  outputs.push({ svg: source(`tray-${level}`), png: join(buildDir, 'tray', `tray-${level}.png`), size: 32 });
  outputs.push({ svg: source(`tray-${level}`), png: join(buildDir, 'tray', `tray-${level}@2x.png`), size: 64 });
}

const browser = await chromium.launch({
  executablePath: process.env.SAMDESK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(join(buildDir, 'tray'), { recursive: true });
  for (const { svg, png, size } of outputs) {
    const dataUrl = `data:image/svg+xml;base64,${readFileSync(svg).toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: png, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${png.slice(buildDir.length + 1)} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
