import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudBinding, resolveCloud, withinCloud } from '../../electron/shared/cloud';
import { isInCloud, requireSameCloud } from '../../electron/core/profiles/cloudBinding';
import { readEnvironment } from '../../electron/core/config/environment';

describe('cloud settings', () => {
  it('defaults to the public cloud', () => {
    expect(resolveCloud(undefined).loginHost).toBe('https://login.microsoftonline.com');
    expect(readEnvironment({}).cloud.name).toBe('public');
  });

  it('knows the sovereign clouds by name', () => {
    expect(resolveCloud('usgov').loginHost).toBe('https://login.microsoftonline.us');
    expect(resolveCloud('china').resources.azure).toBe('https://management.chinacloudapi.cn');
  });

  it('hosts login, Graph and Partner Center under a custom base URL', () => {
    const cloud = resolveCloud('https://127.0.0.1:8443/ignored/path');
    expect(cloud).toMatchObject({ loginHost: 'https://127.0.0.1:8443', graphApi: 'https://127.0.0.1:8443/graph', partnerCenterApi: 'https://127.0.0.1:8443/partnercenter' });
    expect(cloud.resources.graph).toBe('https://graph.microsoft.com');
  });

  it('refuses plain http and nonsense with a sentence', () => {
    expect(() => resolveCloud('http://127.0.0.1:8443')).toThrow(/must use https/);
    expect(() => resolveCloud('moon')).toThrow(/neither public, usgov, china nor an https URL/);
  });

  it('isolates data and keychain through SAMDESK_HOME and SAMDESK_KEYCHAIN_SERVICE', () => {
    const environment = readEnvironment({ SAMDESK_HOME: '/tmp/x', SAMDESK_KEYCHAIN_SERVICE: 'samdesk-test' });
    expect(environment).toMatchObject({ home: '/tmp/x', keychainService: 'samdesk-test', extraCa: undefined });
  });

  it('says which CA file cannot be read', () => {
    expect(() => readEnvironment({ SAMDESK_CLOUD: 'https://127.0.0.1:8443', SAMDESK_CA_FILE: '/nonexistent/ca.pem' })).toThrow(/\/nonexistent\/ca\.pem/);
  });
});

describe('cloud binding', () => {
  const sim = resolveCloud('https://127.0.0.1:8443');

  it('records the login host and the API hosts, Key Vault as a wildcard of its suffix', () => {
    expect(cloudBinding(resolveCloud('public'))).toEqual({
      loginHost: 'https://login.microsoftonline.com',
      apiHosts: ['https://*.vault.azure.net', 'https://api.partnercenter.microsoft.com', 'https://graph.microsoft.com', 'https://management.azure.com', 'https://outlook.office365.com'],
    });
    expect(cloudBinding(sim)).toEqual({ loginHost: 'https://127.0.0.1:8443', apiHosts: ['https://127.0.0.1:8443'] });
  });

  it('lets requests go to the cloud’s own hosts only', () => {
    const publicCloud = resolveCloud('public');
    const within = (url: string, cloud = publicCloud) => withinCloud(cloud, new URL(url));
    expect(within('https://graph.microsoft.com/v1.0/contracts?$skiptoken=x')).toBe(true);
    expect(within('https://contoso-sam.vault.azure.net/secrets/x')).toBe(true);
    expect(within('https://login.microsoftonline.com/common/oauth2/v2.0/token')).toBe(true);
    for (const outside of [
      'https://graph.microsoft.com.evil.example/v1.0/contracts',
      'http://graph.microsoft.com/v1.0/contracts',
      'https://graph.microsoft.com:8443/v1.0/contracts',
      'https://vault.azure.net.evil.example/secrets/x',
      'https://evil.example/?x=.vault.azure.net',
      'https://graph.microsoft.us/v1.0/contracts',
    ]) {
      expect(within(outside), outside).toBe(false);
    }
    expect(within('https://127.0.0.1:8443/graph/v1.0/contracts', sim)).toBe(true);
    expect(within('https://127.0.0.1:8444/graph/v1.0/contracts', sim)).toBe(false);
    expect(within('https://graph.microsoft.com/v1.0/contracts', sim)).toBe(false);
  });

  it('keeps a profile to the cloud it was consented in; one stored before bindings keeps its named cloud', () => {
    const profile = { name: 'Contoso', cloud: 'custom', boundTo: cloudBinding(sim) };
    expect(isInCloud(profile, sim)).toBe(true);
    expect(isInCloud(profile, resolveCloud('https://127.0.0.1:9443'))).toBe(false);
    expect(isInCloud(profile, resolveCloud('public'))).toBe(false);
    expect(isInCloud({ name: 'Old', cloud: 'public' }, resolveCloud('public'))).toBe(true);
    // Recorded by an earlier SAM Desk that called one API fewer: still the same cloud.
    const earlier = { loginHost: 'https://login.microsoftonline.com', apiHosts: ['https://graph.microsoft.com', 'https://api.partnercenter.microsoft.com'] };
    expect(isInCloud({ name: 'Earlier', cloud: 'public', boundTo: earlier }, resolveCloud('public'))).toBe(true);
    expect(isInCloud({ name: 'Earlier', cloud: 'public', boundTo: { ...earlier, apiHosts: [...earlier.apiHosts, 'https://evil.example'] } }, resolveCloud('public'))).toBe(false);
    expect(isInCloud({ name: 'Old', cloud: 'public' }, sim)).toBe(false);
    // A custom-cloud profile from before bindings has no recorded host: it is used nowhere.
    expect(isInCloud({ name: 'Old', cloud: 'custom' }, sim)).toBe(false);
    expect(() => requireSameCloud({ name: 'Old', cloud: 'public' }, sim)).toThrow(
      '“Old” belongs to Microsoft public cloud (login.microsoftonline.com), but SAM Desk is set to Simulated cloud (127.0.0.1:8443): its tokens were not used or sent.',
    );
  });

  it('trusts SAMDESK_CA_FILE for the custom cloud’s origin only, and not at all for a named cloud', () => {
    const folder = mkdtempSync(join(tmpdir(), 'samdesk-ca-'));
    const caFile = join(folder, 'ca.pem');
    writeFileSync(caFile, 'PEM');
    expect(readEnvironment({ SAMDESK_CLOUD: 'https://127.0.0.1:8443/x', SAMDESK_CA_FILE: caFile }).extraCa).toEqual({ pem: 'PEM', origin: 'https://127.0.0.1:8443' });
    expect(readEnvironment({ SAMDESK_CA_FILE: caFile }).extraCa).toBeUndefined();
    expect(readEnvironment({ SAMDESK_CLOUD: 'usgov', SAMDESK_CA_FILE: caFile }).extraCa).toBeUndefined();
  });

  it('refused a custom cloud, uses the public one and says why', () => {
    const environment = readEnvironment({ SAMDESK_CLOUD: 'https://attacker.example', SAMDESK_CA_FILE: '/nonexistent/ca.pem' }, { customCloud: 'refused' });
    expect(environment.cloud.name).toBe('public');
    expect(environment.extraCa).toBeUndefined();
    expect(environment.notices).toEqual([
      expect.objectContaining({ message: expect.stringContaining('https://attacker.example'), action: 'To use that cloud, start SAM Desk with --allow-custom-cloud=https://attacker.example.' }),
    ]);
    expect(readEnvironment({ SAMDESK_CLOUD: 'china' }, { customCloud: 'refused' }).cloud.name).toBe('china');
  });
});
