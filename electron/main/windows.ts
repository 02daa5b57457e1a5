import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { SIGN_IN_PARTITION } from './security';
import { APP_ORIGIN, rendererOrigin as originFor, secureWebPreferences as securePreferences } from './securityPolicy';

const isDevelopment = !!process.env.ELECTRON_RENDERER_URL;

/**
 * The only way SAM Desk makes webPreferences (Electron security checklist §2–§4:
 * https://www.electronjs.org/docs/latest/tutorial/security): isolated, sandboxed, no Node.
 * The settings themselves are in securityPolicy.ts, unit-tested.
 */
export function secureWebPreferences(preload?: string) {
  return securePreferences({ preload, devTools: isDevelopment });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 880,
    minHeight: 560,
    title: 'SAM Desk',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  // §18: app://samdesk/ (appProtocol.ts), not file://.
  void window.loadURL(process.env.ELECTRON_RENDERER_URL ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** The embedded sign-in window: Microsoft's pages only, no preload, its own partition. */
export function createSignInWindow(parent: BrowserWindow | undefined, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 520,
    height: 720,
    parent,
    title: 'Sign in to Microsoft',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences(), partition: SIGN_IN_PARTITION },
  });
  void window.loadURL(url);
  return window;
}

/** The origin the main window's pages are served from, for the trusted-sender check. */
export function rendererOrigin(): string {
  return originFor(process.env.ELECTRON_RENDERER_URL);
}

/** Where the built renderer lives, for the app:// protocol. */
export const rendererDir = join(__dirname, '../renderer');
