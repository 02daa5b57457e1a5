/**
 * The decisions behind SAM Desk's Electron hardening, as pure functions and tables, so they can
 * be unit-tested without an Electron binary. `security.ts`, `windows.ts` and `appProtocol.ts`
 * apply them. Checklist numbers refer to https://www.electronjs.org/docs/latest/tutorial/security.
 */
import type { WebPreferences } from 'electron';
import { CUSTOM_CLOUD_SWITCH } from '../core/config/environment';

/** §2–§4, §6, §8–§12: isolated, sandboxed, no Node, web security on, devTools only in development. */
export function secureWebPreferences(options: { preload?: string; devTools: boolean }): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
    ...(options.preload ? { preload: options.preload } : {}),
  };
}

/**
 * §7: the app's own pages. Everything is bundled (an offline app); Griffel (Fluent UI) injects
 * <style> at run time, hence style-src 'unsafe-inline'. Scripts: 'self' only. frame-ancestors
 * only works as a response header (a <meta> CSP ignores it), so the header carries it too.
 * renderer/index.html's <meta> must say the same (a unit test compares them).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Content types of the bundled renderer's files (custom protocol and the browser harness). */
export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Headers every page of the app is served with (custom protocol and the browser harness). */
export const appPageHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * §5: permission requests and checks are denied unless listed here, and only for the app's own
 * page. The sign-in window (Microsoft's pages, its own partition) gets nothing at all.
 */
export const allowedPermissions: Readonly<Record<string, string>> = {
  // Copying a tenant id or a device code: navigator.clipboard.writeText after the user's click.
  // Secrets (snippets, client secrets) are written and cleared by main, so the page never reads the clipboard.
  'clipboard-sanitized-write': 'the Copy buttons put a tenant id or a device code on the clipboard',
};

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  if (!Object.hasOwn(allowedPermissions, permission)) return false;
  return requestingUrl !== undefined && originOf(requestingUrl) === appOrigin;
}

/**
 * §13: the main window never navigates (the app is one page). The sign-in window may move between
 * the login host and the loopback redirect of the sign-in in progress, and nowhere else.
 */
export function isNavigationAllowed(url: string, window: 'main' | 'sign-in', signInHosts: readonly string[]): boolean {
  if (window === 'main') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const secureOrLoopback = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  return secureOrLoopback && signInHosts.includes(parsed.host);
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** §18: the app's pages come from a custom scheme, not file://; this is their origin. */
export const APP_SCHEME = 'app';
const APP_HOST = 'samdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The origin the main window's page is served from: the dev server in development, app://samdesk otherwise. */
export function rendererOrigin(devServerUrl: string | undefined): string {
  return devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
}

/**
 * Development overrides (electron-vite's ELECTRON_RENDERER_URL, devTools) exist only in an
 * unpackaged run: a packaged build always loads its own bundled pages, whatever the environment
 * says, so no variable can point the window holding the preload at another page.
 */
export function developmentServerUrl(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const url = env.ELECTRON_RENDERER_URL;
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    // electron-vite serves on loopback; anything else is not a development server of ours.
    return parsed.protocol === 'http:' && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1') ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A custom cloud (SAMDESK_CLOUD as a URL: the simulator) is a development setting. An unpackaged
 * run may use it; a packaged build only when started with `--allow-custom-cloud=<that origin>`, an
 * opt-in no environment variable can give, so a planted SAMDESK_CLOUD cannot send tokens elsewhere.
 */
export function customCloudPermission(options: { isPackaged: boolean; argv: readonly string[]; cloudSetting: string | undefined }): 'allowed' | 'refused' {
  if (!options.isPackaged) return 'allowed';
  const prefix = `${CUSTOM_CLOUD_SWITCH}=`;
  const optIn = options.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  const origin = (value: string | undefined) => {
    try {
      return value ? new URL(value.trim()).origin : undefined;
    } catch {
      return undefined;
    }
  };
  const wanted = origin(options.cloudSetting);
  return wanted !== undefined && wanted !== 'null' && origin(optIn) === wanted ? 'allowed' : 'refused';
}

/**
 * Chromium's certificate decision for a host (session.setCertificateVerifyProc): the extra CA (the
 * simulated cloud's) vouches only for the custom cloud's own host, and only for a certificate it
 * really issued (by signature, not by name); every other host gets Chromium's own verdict.
 * Returns 0 (trusted) or -3 (use Chromium's verification result), as the proc's callback takes.
 * https://www.electronjs.org/docs/latest/api/session#sessetcertificateverifyprocproc
 */
export function extraCaVerdict(hostname: string, certificatePem: string, trusted: { hostname: string; issuedBy: (certificatePem: string) => boolean } | undefined): 0 | -3 {
  if (!trusted || hostname !== trusted.hostname) return -3;
  return trusted.issuedBy(certificatePem) ? 0 : -3;
}

/** §17: an IPC message is answered only from the main window's top frame at the app's origin. */
export function isTrustedFrame(frame: { url: string; isTopFrame: boolean } | null | undefined, appOrigin: string): boolean {
  return !!frame && frame.isTopFrame && originOf(frame.url) === appOrigin;
}

/**
 * Maps an app:// request path to a file under the renderer folder; undefined for anything that
 * would leave it (`..`, encoded slashes, absolute paths).
 */
export function appFilePath(requestUrl: string, rendererDir: string, join: (...parts: string[]) => string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path === '/' || path === '') path = '/index.html';
  const segments = path.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\') || segment.includes('\0'))) {
    return undefined;
  }
  return join(rendererDir, ...segments);
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Non-special schemes (app:) report origin "null"; rebuild it from scheme and host.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** A raw platform clipboard format, as Electron's clipboard.write() takes it. */
const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/**
 * The markers that keep a copied secret out of clipboard history, cloud clipboard sync and
 * clipboard managers, written with the text in one atomic clipboard.write():
 * - Windows: CanIncludeInClipboardHistory and CanUploadToCloudClipboard as DWORD 0, and
 *   ExcludeClipboardContentFromMonitorProcessing (any data), per
 *   https://learn.microsoft.com/windows/win32/dataxchg/clipboard-formats#cloud-clipboard-and-clipboard-history-formats
 * - macOS: org.nspasteboard.ConcealedType and TransientType, per http://nspasteboard.org/
 * - Linux: x-kde-passwordManagerHint = secret, which KDE's Klipper honours (as KeePassXC writes it).
 */
export function concealedClipboardFormats(platform: NodeJS.Platform): Record<string, Blob> {
  const dwordZero = () => new Blob([new Uint8Array(4)]);
  switch (platform) {
    case 'win32':
      return {
        [osFormat('CanIncludeInClipboardHistory')]: dwordZero(),
        [osFormat('CanUploadToCloudClipboard')]: dwordZero(),
        [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: dwordZero(),
      };
    case 'darwin':
      return { [osFormat('org.nspasteboard.ConcealedType')]: new Blob(['secret']), [osFormat('org.nspasteboard.TransientType')]: new Blob(['secret']) };
    default:
      return { [osFormat('x-kde-passwordManagerHint')]: new Blob(['secret']) };
  }
}
