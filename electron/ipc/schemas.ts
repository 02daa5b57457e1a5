/** Shared zod primitives of the IPC contract: ids, tenants, secrets, names, snippet modules. Inputs are validated with these in main. */
import { z } from 'zod';
import { displayText } from './displayText';
import { PARTNER_TENANT_HELP, readPartnerTenant } from './partnerTenant';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tenantIdSchema = z
  .string()
  .max(100, 'A tenant id looks like 00000000-0000-0000-0000-000000000000.')
  .trim()
  .regex(guid, 'A tenant id looks like 00000000-0000-0000-0000-000000000000.')
  .transform((value) => value.toLowerCase());

/**
 * A partner tenant named by its id, a verified domain, a user name of it (its domain is used) or an
 * internationalised domain (its punycode form): partnerTenant.ts, the one rule for window, main and CLI.
 */
export const tenantRefSchema = z
  .string()
  .max(300, PARTNER_TENANT_HELP)
  .transform((value, context) => {
    const reading = readPartnerTenant(value);
    if (reading.ok) return reading.tenant;
    context.issues.push({ code: 'custom', message: reading.message, input: value });
    return z.NEVER;
  });

export const applicationIdSchema = z
  .string()
  .max(100, 'An application (client) id looks like 00000000-0000-0000-0000-000000000000.')
  .trim()
  .regex(guid, 'An application (client) id looks like 00000000-0000-0000-0000-000000000000.')
  .transform((value) => value.toLowerCase());

/**
 * A pasted client secret: one line of printable characters. Spaces, quotes and line breaks inside
 * mean something else was copied along with it (Microsoft's secrets have none).
 */
export const clientSecretSchema = z
  .string()
  .max(1024, 'That is too long for a client secret: copy only the secret’s Value.')
  .trim()
  .min(1, 'Enter the client secret’s Value.')
  .max(512, 'That is too long for a client secret: copy only the secret’s Value.')
  .regex(/^[\x21\x23-\x26\x28-\x7e]+$/, 'A client secret is one line without spaces or quotes: copy only the secret’s Value (not its ID).');

/**
 * A pasted refresh token (Microsoft's are opaque, about 1–2 KB, letters, digits and -._~).
 * Surrounding whitespace and quotes from a shell or a file are trimmed; anything else is refused.
 */
export const refreshTokenSchema = z
  .string()
  .max(64 * 1024, 'That is too long to be a refresh token.')
  .transform((value) => value.trim().replace(/^(["'])(.*)\1$/s, '$2').trim())
  .pipe(
    z
      .string()
      .min(100, 'That is too short to be a whole refresh token: copy all of it.')
      .max(16 * 1024, 'That is too long to be a refresh token.')
      .regex(/^[A-Za-z0-9._~+/=-]+$/, 'A refresh token is one line of letters, digits and - . _ ~; something else was copied with it.'),
  );

export const profileIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown profile.');

/** A profile's name as typed: control, bidi and zero-width characters are dropped (displayText.ts). */
export const profileNameSchema = z
  .string()
  .max(200, 'Use at most 80 characters.')
  .transform(displayText)
  .pipe(z.string().min(1, 'Give the profile a name.').max(80, 'Use at most 80 characters.'));

/** PowerShell modules a snippet connects; the last four are the retired forms of the seed documents. */
export const snippetModuleSchema = z.enum([
  'az',
  'graph',
  'exchange',
  'partnercenter',
  'azuread',
  'msonline',
  'az-aadgraph',
  'exchange-legacy',
]);
export type SnippetModule = z.infer<typeof snippetModuleSchema>;

/** paste: live access tokens inside; script: redeems a vaulted refresh token at run time; all-customers: script, looped. */
export const snippetModeSchema = z.enum(['paste', 'script', 'all-customers']);
export type SnippetMode = z.infer<typeof snippetModeSchema>;
