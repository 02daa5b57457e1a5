import { BrowserWindow, type WebPreferences } from 'electron';
import { join } from 'node:path';

const isDevelopment = !!process.env.ELECTRON_RENDERER_URL;

/**
 * The only way SAM Desk makes webPreferences (Electron security checklist §2–§4:
 * https://www.electronjs.org/docs/latest/tutorial/security): isolated, sandboxed, no Node.
 */
export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: isDevelopment,
    ...(preload ? { preload } : {}),
  };
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
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
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
    webPreferences: { ...secureWebPreferences(), partition: 'signin' },
  });
  void window.loadURL(url);
  return window;
}

/** The file the main window's pages are served from, for the trusted-sender check. */
export function rendererOrigin(): string {
  return process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : 'file://';
}
