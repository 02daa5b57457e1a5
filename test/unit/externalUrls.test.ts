import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/core/app/externalUrls';

// What the OS browser may be asked to open (Electron security checklist §15).
const allowed: Array<[string, string]> = [
  ['https://learn.microsoft.com/partner-center/', 'Microsoft Learn'],
  ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1', 'the public login host'],
  ['https://portal.azure.com/#home', 'the Azure portal (fragment is only a fragment)'],
  ['https://partner.microsoft.com/dashboard', 'Partner Center'],
  ['https://login.microsoftonline.us/', 'the US Government login host'],
  ['https://LOGIN.MICROSOFTONLINE.COM/', 'upper case (hosts are case-insensitive)'],
  ['https://127.0.0.1:44555/devicelogin', 'the configured login host (simulated cloud) with its port'],
  ['https://0x7f.1:44555/', 'the same host in hex: the parser normalises it to 127.0.0.1 before any comparison'],
];

const refused: Array<[string, string]> = [
  ['http://learn.microsoft.com/', 'plain http'],
  ['javascript:alert(document.cookie)', 'javascript:'],
  ['javascript://microsoft.com/%0aalert(1)', 'javascript: dressed as a Microsoft URL'],
  ['file:///etc/passwd', 'file:'],
  ['file://microsoft.com/share/payload.exe', 'file: on a Microsoft-named host (an SMB share on Windows)'],
  ['data:text/html,<script>alert(1)</script>', 'data:'],
  ['ms-settings:privacy', 'other OS protocol handlers'],
  ['smb://microsoft.com/share', 'smb:'],
  ['https://evil.com#.microsoft.com', 'Microsoft only in the fragment'],
  ['https://evil.com/?.microsoft.com', 'Microsoft only in the query'],
  ['https://evil.com/.microsoft.com', 'Microsoft only in the path'],
  ['https://microsoft.com.evil.com/', 'Microsoft as a subdomain of another domain'],
  ['https://evilmicrosoft.com/', 'a domain that merely ends in microsoft.com'],
  ['https://microsoft.com@evil.com/', 'Microsoft as userinfo'],
  ['https://user:password@learn.microsoft.com/', 'credentials in the URL, even to Microsoft'],
  ['https://microsоft.com/', 'IDN lookalike with a Cyrillic о (becomes xn--…)'],
  ['https://xn--microsft-f4e.com/', 'the same lookalike, already in punycode'],
  ['https://evil.com\\.microsoft.com/', 'a backslash, which the URL parser treats as a path separator'],
  ['https://evil.com%2F.microsoft.com/', 'an encoded slash in the host'],
  ['https://learn.microsoft.com:8443/', 'a Microsoft host on an unexpected port'],
  ['https://127.0.0.1:9999/', 'a loopback host that is not the configured login host'],
  ['https://learn.microsoft.com./', 'a trailing dot (a different name for the resolver)'],
  ['https://samdesk-phish.cloudapp.azure.com/', 'a name anyone can rent under azure.com'],
  ['https://contoso.azurewebsites.net/', 'an App Service site'],
  ['https://forms.office.com/r/abc', 'a form anyone can publish'],
  ['https://evil.blob.core.windows.net/x.html', 'anyone’s storage account'],
  ['https://attacker.onmicrosoft.com/', 'a tenant domain (anyone can create one)'],
  ['https://go.microsoft.com.evil.com/', 'an exact host as a prefix of another'],
  ['//learn.microsoft.com/', 'scheme-relative'],
  ['learn.microsoft.com', 'no scheme'],
  ['', 'empty'],
  [`https://learn.microsoft.com/${'a'.repeat(5000)}`, 'absurdly long'],
];

describe('isAllowedExternalUrl', () => {
  it.each(allowed)('allows %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url, ['127.0.0.1:44555'])).toBe(true);
  });

  it.each(refused)('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url, ['127.0.0.1:44555'])).toBe(false);
  });
});
