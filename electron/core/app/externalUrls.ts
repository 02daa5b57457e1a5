/**
 * Decides what may be handed to the OS browser: https only, to the exact Microsoft hosts SAM Desk
 * links to (Electron security checklist §15, "Do not use shell.openExternal with untrusted content":
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content).
 * Exact hosts, not domains: anyone can rent a name under azure.com (*.cloudapp.azure.com,
 * *.azurewebsites.net) or publish at forms.office.com. Parsed with URL, never matched by string
 * prefix: the parser has already turned lookalike Unicode into punycode, dropped the fragment
 * and split off any user:password@.
 */
const microsoftHosts = new Set([
  // Sign-in, device-code pages and the sovereign clouds' login hosts.
  'login.microsoftonline.com',
  'login.microsoft.com',
  'microsoft.com',
  'www.microsoft.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  // Where the explanations send a partner admin: docs, Partner Center, the admin portals.
  'learn.microsoft.com',
  'aka.ms',
  'partner.microsoft.com',
  'portal.azure.com',
  'portal.azure.us',
  'portal.azure.cn',
  'entra.microsoft.com',
  'admin.microsoft.com',
  'mysignins.microsoft.com',
]);

/**
 * @param extraHosts exact `host[:port]` values also allowed (the configured login host, e.g. the
 *   simulated cloud's https://127.0.0.1:PORT).
 */
export function isAllowedExternalUrl(candidate: string, extraHosts: string[] = []): boolean {
  if (candidate.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (extraHosts.includes(url.host)) return true;
  if (url.port) return false;
  return microsoftHosts.has(url.hostname);
}
