/**
 * How SAM Desk reads what a partner admin types or pastes as their partner tenant: a tenant id, a
 * verified domain, their own sign-in name (a UPN: its domain is the tenant's) or an internationalised
 * domain (turned into the ASCII form, its punycode A-label, that Microsoft's sign-in addresses
 * take). One rule for the wizard, main's validation and the CLI; pure and browser-safe.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An ASCII DNS name of two labels or more; the last is letters, or a punycode (xn--) label. */
const ASCII_DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;

export const PARTNER_TENANT_HELP = 'Enter a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.';
export const PARTNER_TENANT_EMPTY = 'Enter your partner tenant id or domain.';

export type PartnerTenantReading =
  | {
      ok: true;
      /** What SAM Desk signs in to: a lower-case tenant id or ASCII domain. */
      tenant: string;
      /** What the admin gave: a tenant id, a domain, a user name (UPN), or a domain with non-ASCII letters. */
      kind: 'id' | 'domain' | 'upn' | 'international';
      /** Says what SAM Desk will use, when that differs from what was typed. */
      note?: string;
    }
  | { ok: false; message: string };

/** Reads a pasted or typed partner tenant; never throws. */
export function readPartnerTenant(input: string): PartnerTenantReading {
  const typed = unwrapPaste(input);
  if (!typed) return { ok: false, message: PARTNER_TENANT_EMPTY };
  if (typed.length > 300) return { ok: false, message: PARTNER_TENANT_HELP };
  if (GUID.test(typed)) return { ok: true, tenant: typed.toLowerCase(), kind: 'id' };

  const at = typed.lastIndexOf('@');
  const domainPart = (at >= 0 ? typed.slice(at + 1) : typed).replace(/\.$/, '');
  if (at >= 0 && !domainPart) {
    return { ok: false, message: 'That is a user name without its domain: enter the part after @, e.g. contoso.onmicrosoft.com.' };
  }
  const ascii = toAsciiDomain(domainPart);
  if (!ascii || !ASCII_DOMAIN.test(ascii)) return { ok: false, message: PARTNER_TENANT_HELP };

  const international = ascii !== domainPart.toLowerCase();
  if (at >= 0) {
    const spelled = international ? ` (${ascii} in the form Microsoft’s sign-in takes)` : '';
    return { ok: true, tenant: ascii, kind: 'upn', note: `SAM Desk will use ${ascii}${spelled}, the domain of ${typed}.` };
  }
  if (international) {
    return { ok: true, tenant: ascii, kind: 'international', note: `SAM Desk will use ${ascii}, the form of ${domainPart} that Microsoft’s sign-in takes.` };
  }
  return { ok: true, tenant: ascii, kind: 'domain' };
}

/**
 * What a paste brings along: spaces and line breaks around it, invisible format characters, an
 * Outlook "Name <address>" or a "mailto:".
 */
function unwrapPaste(input: string): string {
  let text = input.replace(/\p{Cf}/gu, '').replace(/^[\s\p{Z}]+|[\s\p{Z}]+$/gu, '');
  const bracketed = /<([^<>]+)>$/.exec(text);
  if (bracketed) text = bracketed[1]!.trim();
  text = text.replace(/^mailto:/i, '').replace(/^["'“‘]+|["'”’]+$/g, '');
  return text.trim();
}

/**
 * The domain's ASCII form by the WHATWG URL host parser (UTS #46 processing, then punycode): the
 * same algorithm as Node's `url.domainToASCII`, and available in the renderer too. Undefined when
 * it is no host at all.
 */
function toAsciiDomain(domain: string): string | undefined {
  if (!domain || /[\s/\\?#@:]/.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}/`).hostname || undefined;
  } catch {
    return undefined;
  }
}
