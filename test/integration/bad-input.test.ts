import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/app/dispatch';
import { silentLogger } from '../../electron/core/app/logger';
import { refreshTokenSchema } from '../../electron/ipc/schemas';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

const GUID = '6c1a5e0b-3f7e-4a59-9a53-1b4a2c9d8e7f';
const PROFILE = 'p-bad-input';
const huge = 'a'.repeat(1_000_000);
const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { inner: nested(depth - 1) });
const cyclic = (): unknown => {
  const value: Record<string, unknown> = { profileId: PROFILE };
  value.self = value;
  return value;
};

/** [what a hostile or confused renderer sends, channel, input] */
const badRequests: Array<[string, string, unknown]> = [
  // Channels
  ['an unknown channel', 'fs.readFile', { path: '/etc/passwd' }],
  ['a prototype name as channel', '__proto__', undefined],
  ['an inherited property as channel', 'hasOwnProperty', undefined],
  ['toString as channel', 'toString', undefined],
  ['a channel with a trailing space', 'app.state ', undefined],
  ['a huge channel name', huge, undefined],
  // Tenant ids and domains
  ['an empty partner tenant', 'consent.start', { partnerTenant: '', clientId: GUID }],
  ['a blank partner tenant', 'consent.start', { partnerTenant: '   ', clientId: GUID }],
  ['words as partner tenant', 'consent.start', { partnerTenant: 'not a tenant', clientId: GUID }],
  ['a short GUID', 'consent.start', { partnerTenant: GUID.slice(0, -1), clientId: GUID }],
  ['a GUID in braces', 'consent.start', { partnerTenant: `{${GUID}}`, clientId: GUID }],
  ['a bare name', 'consent.start', { partnerTenant: 'contoso', clientId: GUID }],
  ['a domain with empty label', 'consent.start', { partnerTenant: 'contoso..com', clientId: GUID }],
  ['a domain with a path', 'consent.start', { partnerTenant: 'contoso.com/../../common', clientId: GUID }],
  ['a domain with a newline', 'consent.start', { partnerTenant: 'contoso.com\nevil.com', clientId: GUID }],
  ['a non-ASCII domain', 'consent.start', { partnerTenant: 'contøso.com', clientId: GUID }],
  ['markup as tenant', 'consent.start', { partnerTenant: '<img src=x onerror=alert(1)>', clientId: GUID }],
  ['a huge domain', 'consent.start', { partnerTenant: `${'a'.repeat(60_000)}.com`, clientId: GUID }],
  ['PowerShell in a customer tenant id', 'snippets.copy', { profileId: PROFILE, customerTenantId: `${GUID}'; Remove-Item -Recurse C:\\`, module: 'az' }],
  ['a customer tenant id as number', 'snippets.copy', { profileId: PROFILE, customerTenantId: 42, module: 'az' }],
  ['customer ids with one bad entry', 'customerConsent.grant', { profileId: PROFILE, customerTenantIds: [GUID, 'nope'] }],
  ['repair as text', 'customerConsent.grant', { profileId: PROFILE, customerTenantIds: [GUID], repair: 'yes' }],
  ['a DAP check for more than 100 customers at once', 'tenants.checkDap', { profileId: PROFILE, customerTenantIds: Array.from({ length: 101 }, () => GUID) }],
  ['a DAP check for a bad customer id', 'tenants.checkDap', { profileId: PROFILE, customerTenantIds: ['../customers'] }],
  // App ids
  ['an empty app id', 'consent.start', { partnerTenant: GUID, clientId: '' }],
  ['an app id that is a name', 'consent.start', { partnerTenant: GUID, clientId: 'SAM app' }],
  ['an app id with an extra character', 'consent.start', { partnerTenant: GUID, clientId: `${GUID}0` }],
  ['a huge app id', 'samApp.fix', { clientId: huge.slice(0, 60_000) }],
  // Client secrets
  ['a blank client secret', 'consent.start', { partnerTenant: GUID, clientId: GUID, clientSecret: '   ' }],
  ['a secret with a space inside', 'consent.start', { partnerTenant: GUID, clientId: GUID, clientSecret: 'abc8Q~ def' }],
  ['a quoted secret', 'consent.start', { partnerTenant: GUID, clientId: GUID, clientSecret: '"abc8Q~def"' }],
  ['a secret with its ID pasted along', 'consent.start', { partnerTenant: GUID, clientId: GUID, clientSecret: `abc8Q~def\n${GUID}` }],
  ['an overlong secret', 'samApp.validate', { clientId: GUID, clientSecret: 'x'.repeat(600) }],
  ['a secret as object', 'samApp.validate', { clientId: GUID, clientSecret: { toString: 'x' } }],
  // Settings
  ['negative warning days', 'settings.set', { warningDays: -1 }],
  ['warning days as text', 'settings.set', { warningDays: '14' }],
  ['fractional days', 'settings.set', { warningDays: 14.5 }],
  ['NaN days', 'settings.set', { renewAfterDays: Number.NaN }],
  ['infinite seconds', 'settings.set', { clipboardClearSeconds: Number.POSITIVE_INFINITY }],
  ['a boolean as text', 'settings.set', { autoRenew: 'yes' }],
  ['an unknown setting', 'settings.set', { plaintextFallback: true }],
  // Payload shapes
  ['a string instead of an object', 'tenants.list', 'p-bad-input'],
  ['an array instead of an object', 'tenants.list', [PROFILE]],
  ['null', 'tenants.list', null],
  ['input to a channel that takes none', 'app.state', { profiles: [] }],
  ['an unknown field', 'tenants.list', { profileId: PROFILE, refresh: false, deleteAll: true }],
  ['__proto__ from JSON', 'tenants.list', JSON.parse(`{"profileId":"${PROFILE}","__proto__":{"polluted":true}}`)],
  ['nested __proto__', 'accessCheck.run', JSON.parse(`{"profileId":"${PROFILE}","resources":["graph"],"x":{"__proto__":{"polluted":true}}}`)],
  ['constructor.prototype', 'tenants.list', { profileId: PROFILE, constructor: { prototype: { polluted: true } } }],
  ['a profile id with path characters', 'profiles.remove', { profileId: '../../profiles' }],
  ['a megabyte profile id', 'tenants.list', { profileId: huge }],
  ['deep nesting', 'tenants.list', { profileId: PROFILE, refresh: nested(200) }],
  ['a cycle', 'tenants.list', cyclic()],
  ['a 100,000-element array', 'accessCheck.run', { profileId: PROFILE, resources: new Array(100_000).fill('graph') }],
  ['a Map', 'tenants.list', new Map([['profileId', PROFILE]])],
  ['a Date as profile id', 'tenants.list', { profileId: new Date() }],
  ['a rename to a huge name', 'profiles.rename', { profileId: PROFILE, name: huge }],
];

describe('bad input through dispatch()', () => {
  const setup = useSimulatedApp({
    cloud: { customers: 5 },
    services: () => ({
      opener: {
        open() {
          throw new Error('A bad request must never reach the sign-in window.');
        },
      },
      logger: silentLogger,
    }),
  });

  /** Every file under SAMDESK_HOME with its content, and every keychain entry of this run. */
  async function snapshot(): Promise<{ files: Record<string, string>; keychain: Array<{ account: string; password: string }> }> {
    const { home } = setup.isolated.environment;
    const files: Record<string, string> = {};
    for (const entry of readdirSync(home, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files[relative(home, path)] = readFileSync(path, 'utf8');
    }
    const keychain = (await setup.isolated.keychain.entries()).sort((a, b) => a.account.localeCompare(b.account));
    return { files, keychain };
  }

  beforeAll(async () => {
    await signedInProfile(setup.sim, setup.services, PROFILE);
    await setup.handlers['tenants.list']({ profileId: PROFILE, refresh: true });
    // The list is saved in the background after the answer: the snapshots start once it is on disk.
    await setup.services.customers.written(PROFILE);
  });

  it.each(badRequests)('refuses %s with a clear message, and nothing stored changes', async (_what, channel, input) => {
    const before = await snapshot();
    const result = await dispatch(setup.handlers, channel, input);

    expect(result.ok).toBe(false);
    const error = (result as { error: { kind: string; message: string } }).error;
    expect(error.kind).toBe('invalid-input');
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).not.toMatch(/\n\s+at |ZodError|TypeError|undefined/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('still answers good requests afterwards', async () => {
    expect(await dispatch(setup.handlers, 'tenants.list', { profileId: PROFILE })).toMatchObject({ ok: true });
    expect(await dispatch(setup.handlers, 'app.state', undefined)).toMatchObject({ ok: true });
  });
});

describe('a pasted refresh token', () => {
  const token = `0.AXkA${'x7Yq_-Lm9.~'.repeat(60)}`;

  it.each([
    ['with spaces and a newline around it', `  ${token}\n`],
    ['in double quotes', `"${token}"`],
    ['in single quotes, as PowerShell prints it', `'${token}'`],
  ])('is accepted %s, trimmed to the token itself', (_how, pasted) => {
    expect(refreshTokenSchema.parse(pasted)).toBe(token);
  });

  it.each([
    ['truncated', token.slice(0, 60), 'too short'],
    ['broken by a newline', `${token.slice(0, 300)}\n${token.slice(300)}`, 'one line'],
    ['with a space inside', `${token.slice(0, 300)} ${token.slice(300)}`, 'one line'],
    ['with a Bearer prefix', `Bearer ${token}`, 'one line'],
    ['as JSON', `{"refresh_token":"${token}"}`, 'one line'],
    ['with one quote', `"${token}`, 'one line'],
    ['huge', token.repeat(200), 'too long'],
    ['empty', '', 'too short'],
  ])('is refused %s, saying what is wrong', (_how, pasted, words) => {
    const result = refreshTokenSchema.safeParse(pasted);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(words);
  });
});
