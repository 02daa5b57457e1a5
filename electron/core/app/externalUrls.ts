/**
 * Decides what may be handed to the OS browser: https only, to Microsoft hosts SAM Desk links to
 * (Electron security checklist §15, "Do not use shell.openExternal with untrusted content":
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content).
 * Parsed with URL, never matched by string prefix: the parser has already turned lookalike
 * Unicode into punycode, dropped the fragment and split off any user:password@.
 */
const microsoftDomains = [
  'microsoft.com',
  'microsoftonline.com',
  'microsoftonline.us',
  'chinacloudapi.cn',
  'azure.com',
  'office.com',
];

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
  const host = url.hostname;
  return microsoftDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
