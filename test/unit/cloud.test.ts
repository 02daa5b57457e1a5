import { describe, expect, it } from 'vitest';
import { resolveCloud } from '../../electron/core/config/cloud';
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
    expect(() => readEnvironment({ SAMDESK_CA_FILE: '/nonexistent/ca.pem' })).toThrow(/\/nonexistent\/ca\.pem/);
  });
});
