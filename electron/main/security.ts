import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../core/app/externalUrls';

/**
 * App-wide guards, installed once before any window exists (Electron security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security).
 */
export function installSecurityGuards(options: { signInHosts: () => string[]; loginHost: string }): void {
  // §5: deny every permission request and check by default; only clipboard writes of a copied snippet pass.
  const allowed = new Set(['clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    // §12: no <webview>.
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // §14: window.open is denied; https links to Microsoft go to the OS browser (§15).
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url, [new URL(options.loginHost).hostname])) void shell.openExternal(url);
      return { action: 'deny' };
    });
    // §13: navigation is prevented, except a sign-in window moving between the login pages and the loopback redirect.
    contents.on('will-navigate', (event, url) => {
      const host = safeHost(url);
      if (!host || !options.signInHosts().includes(host) || contents.session === session.defaultSession) event.preventDefault();
    });
  });
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
