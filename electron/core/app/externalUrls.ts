/**
 * Decides what may be handed to the OS browser: https only, to Microsoft hosts SAM Desk links to
 * (Electron security checklist §15, "Do not use shell.openExternal with untrusted content").
 * Parsed with URL, never matched by string prefix.
 */
const allowedHosts = [
  'microsoft.com',
  'microsoftonline.com',
  'microsoftonline.us',
  'chinacloudapi.cn',
  'azure.com',
  'office.com',
  'partner.microsoft.com',
];

export function isAllowedExternalUrl(candidate: string, extraHosts: string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return [...allowedHosts, ...extraHosts].some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
