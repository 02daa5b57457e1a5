import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../core/app/externalUrls';
import type { Logger } from '../core/app/logger';
import { appPageHeaders, isNavigationAllowed, isPermissionAllowed } from './securityPolicy';

export const SIGN_IN_PARTITION = 'signin';

/**
 * App-wide guards, installed once before any window exists (Electron security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security). The decisions live in
 * securityPolicy.ts, where they are unit-tested.
 */
export function installSecurityGuards(options: {
  appOrigin: string;
  signInHosts: () => string[];
  loginHost: string;
  logger: Logger;
}): void {
  const { appOrigin, logger } = options;
  const signInSession = session.fromPartition(SIGN_IN_PARTITION);
  // A remembered Microsoft session does not outlive SAM Desk: the next sign-in starts clean.
  app.on('before-quit', () => void signInSession.clearStorageData());

  // §5: deny by default, on both sessions, for requests and for checks (table in securityPolicy.ts).
  for (const target of [session.defaultSession, signInSession]) {
    target.setPermissionRequestHandler((contents, permission, callback, details) => {
      const allowed = target === session.defaultSession && isPermissionAllowed(permission, details.requestingUrl, appOrigin);
      if (!allowed) logger.warn(`Permission “${permission}” refused for ${originForLog(details.requestingUrl ?? contents.getURL())}.`);
      callback(allowed);
    });
    target.setPermissionCheckHandler(
      (_contents, permission, requestingOrigin) =>
        target === session.defaultSession && isPermissionAllowed(permission, requestingOrigin, appOrigin),
    );
  }

  // §7: the app's own pages carry the CSP as a response header too (frame-ancestors needs it).
  // The app:// protocol sets it itself; this covers the development server.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith(`${appOrigin}/`)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, ...mapHeaders(appPageHeaders) } });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    const window = contents.session === signInSession ? 'sign-in' : 'main';
    // §11–§12: no <webview>, whatever its options.
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('A <webview> was refused.');
    });
    // §14–§15: window.open is always denied; https links to Microsoft go to the OS browser.
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url, [new URL(options.loginHost).host])) void shell.openExternal(url);
      else logger.warn(`A new window for ${originForLog(url)} was refused.`);
      return { action: 'deny' };
    });
    // §13: navigation is prevented, except a sign-in window between the login pages and the
    // loopback redirect of the sign-in in progress: for links, for server redirects (a 302 to
    // another host is a navigation too) and for sub-frames, which could otherwise show another
    // site's page inside Microsoft's. A federated sign-in elsewhere belongs in the system browser.
    const guard = (details: { url: string; preventDefault(): void }) => {
      if (isNavigationAllowed(details.url, window, options.signInHosts())) return;
      details.preventDefault();
      logger.warn(`Navigation to ${originForLog(details.url)} was prevented in the ${window} window.`);
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', (details) => {
      if (!details.isMainFrame) guard(details);
    });
  });
}

function mapHeaders(headers: Readonly<Record<string, string>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
}

/** Only the origin of a refused URL is logged: query strings can carry codes and tokens. */
function originForLog(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unparseable address';
  }
}
