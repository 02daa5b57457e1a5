import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { SIGN_IN_PARTITION } from './security';
import { APP_ORIGIN, developmentServerUrl, rendererOrigin as originFor, secureWebPreferences } from './securityPolicy';

/** The electron-vite dev server, in an unpackaged run only (securityPolicy.ts decides). */
const devServer = () => developmentServerUrl(process.env, app.isPackaged);

/**
 * The only way SAM Desk makes webPreferences (Electron security checklist §2–§4:
 * https://www.electronjs.org/docs/latest/tutorial/security): isolated, sandboxed, no Node, and
 * devTools only in development. The settings themselves are in securityPolicy.ts, unit-tested.
 */
function windowPreferences(preload?: string) {
  return secureWebPreferences({ preload, devTools: devServer() !== undefined });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 880,
    minHeight: 560,
    title: 'SAM Desk',
    show: false,
    webPreferences: windowPreferences(join(builtDir(), 'preload', 'index.js')),
  });
  window.once('ready-to-show', () => window.show());
  // §18: app://samdesk/ (appProtocol.ts), not file://.
  void window.loadURL(devServer() ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * The embedded sign-in window: Microsoft's pages only, no preload, its own partition. Its title
 * always names the host of the page it shows (a page cannot set it), as a browser's address bar would.
 */
export function createSignInWindow(parent: BrowserWindow | undefined, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 520,
    height: 720,
    parent,
    title: signInTitle(url),
    autoHideMenuBar: true,
    webPreferences: { ...windowPreferences(), partition: SIGN_IN_PARTITION },
  });
  window.on('page-title-updated', (event) => event.preventDefault());
  window.webContents.on('did-navigate', (_event, shownUrl: string) => window.setTitle(signInTitle(shownUrl)));
  void window.loadURL(url);
  return window;
}

function signInTitle(url: string): string {
  try {
    return `Sign in to Microsoft — ${new URL(url).host}`;
  } catch {
    return 'Sign in to Microsoft';
  }
}

/** The origin the main window's pages are served from, for the trusted-sender check. */
export function rendererOrigin(): string {
  return originFor(devServer());
}

/** electron-vite's output (out/), under the app's root: the repository in development, app.asar when packaged. */
const builtDir = () => join(app.getAppPath(), 'out');

/** Where the built renderer lives, for the app:// protocol. */
export const rendererDir = () => join(builtDir(), 'renderer');
