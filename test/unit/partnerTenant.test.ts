import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tenantRefSchema } from '../../electron/ipc/schemas';
import { readPartnerTenant } from '../../electron/ipc/partnerTenant';

const GUID = '08FF49B6-F772-4632-A716-C43069C43A8C';

describe('the partner-tenant field: one rule for the wizard, main and the CLI', () => {
  it('takes a tenant id or a domain as typed, lower-cased, and trims what a paste brings along', () => {
    expect(readPartnerTenant(`  ${GUID}\n`)).toEqual({ ok: true, tenant: GUID.toLowerCase(), kind: 'id' });
    expect(readPartnerTenant('\u00a0Contoso.OnMicrosoft.com\u200b\t')).toEqual({ ok: true, tenant: 'contoso.onmicrosoft.com', kind: 'domain' });
    expect(readPartnerTenant('contoso.onmicrosoft.com.')).toMatchObject({ ok: true, tenant: 'contoso.onmicrosoft.com' });
  });

  it('uses the domain of a pasted UPN (also as Outlook pastes it) and says so', () => {
    expect(readPartnerTenant('admin@contoso.onmicrosoft.com')).toEqual({
      ok: true,
      tenant: 'contoso.onmicrosoft.com',
      kind: 'upn',
      note: 'SAM Desk will use contoso.onmicrosoft.com, the domain of admin@contoso.onmicrosoft.com.',
    });
    expect(readPartnerTenant(' Alex Admin <Alex.Admin@Contoso.com> ')).toMatchObject({ ok: true, tenant: 'contoso.com', kind: 'upn' });
    expect(readPartnerTenant('mailto:admin@contoso.com')).toMatchObject({ ok: true, tenant: 'contoso.com' });
  });

  it('turns an internationalised domain into its punycode A-label, as url.domainToASCII does, and says so', () => {
    const reading = readPartnerTenant('müller-bäckerei.de');
    expect(reading).toMatchObject({ ok: true, kind: 'international', tenant: domainToASCII('müller-bäckerei.de') });
    expect(reading.ok && reading.tenant).toBe('xn--mller-bckerei-hfb76a.de');
    expect(reading.ok && reading.note).toBe('SAM Desk will use xn--mller-bckerei-hfb76a.de, the form of müller-bäckerei.de that Microsoft’s sign-in takes.');
    expect(readPartnerTenant('admin@müller-bäckerei.de')).toMatchObject({ ok: true, kind: 'upn', tenant: 'xn--mller-bckerei-hfb76a.de' });
    // Punycode top-level domains (xn--p1ai is .рф) are domains too.
    expect(readPartnerTenant('пример.рф')).toMatchObject({ ok: true, tenant: domainToASCII('пример.рф') });
  });

  it('refuses what is no tenant, in plain words', () => {
    expect(readPartnerTenant('   ')).toEqual({ ok: false, message: 'Enter your partner tenant id or domain.' });
    for (const typed of ['not a tenant', 'contoso', 'https://contoso.com/', '10.0.0.1', 'a@b@', 'contoso..com']) {
      expect(readPartnerTenant(typed)).toEqual({ ok: false, message: expect.stringMatching(/^Enter a tenant id \(a GUID\) or a domain|^That is a user name without its domain/) });
    }
    expect(readPartnerTenant('admin@')).toMatchObject({ ok: false, message: expect.stringContaining('user name without its domain') });
    expect(readPartnerTenant(`${'a'.repeat(300)}.com`)).toMatchObject({ ok: false });
  });

  it('is the contract’s rule, so main and the CLI read a UPN or an IDN the same way', () => {
    expect(tenantRefSchema.parse(' admin@Contoso.onmicrosoft.com ')).toBe('contoso.onmicrosoft.com');
    expect(tenantRefSchema.parse('müller-bäckerei.de')).toBe('xn--mller-bckerei-hfb76a.de');
    const refused = tenantRefSchema.safeParse('not a tenant');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Enter a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.');
  });
});
