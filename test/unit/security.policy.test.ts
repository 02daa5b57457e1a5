import { join } from 'node:path/posix';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  allowedPermissions,
  appFilePath,
  customCloudPermission,
  developmentServerUrl,
  extraCaVerdict,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedFrame,
  rendererOrigin,
} from '../../electron/main/securityPolicy';

describe('permissions (checklist §5: deny by default)', () => {
  it('allows only what the commented table lists', () => {
    expect(Object.keys(allowedPermissions)).toEqual(['clipboard-sanitized-write']);
  });

  it.each(['clipboard-read', 'media', 'geolocation', 'notifications', 'midi', 'openExternal', 'hid', 'serial', 'fullscreen', 'unknown'])(
    'refuses %s even to the app itself',
    (permission) => {
      expect(isPermissionAllowed(permission, `${APP_ORIGIN}/index.html`, APP_ORIGIN)).toBe(false);
    },
  );

  it.each(['clipboard-sanitized-write'])(
    'grants %s to the app page only, not to a sign-in page or an unknown requester',
    (permission) => {
      expect(isPermissionAllowed(permission, `${APP_ORIGIN}/index.html`, APP_ORIGIN)).toBe(true);
      expect(isPermissionAllowed(permission, 'https://login.microsoftonline.com/x', APP_ORIGIN)).toBe(false);
      expect(isPermissionAllowed(permission, undefined, APP_ORIGIN)).toBe(false);
      expect(isPermissionAllowed(permission, 'app://evil/index.html', APP_ORIGIN)).toBe(false);
    },
  );
});

describe('navigation (checklist §13)', () => {
  const signIn = ['login.microsoftonline.com', 'localhost:8400'];

  it('never lets the main window navigate', () => {
    expect(isNavigationAllowed(`${APP_ORIGIN}/index.html`, 'main', signIn)).toBe(false);
    expect(isNavigationAllowed('https://login.microsoftonline.com/', 'main', signIn)).toBe(false);
  });

  it.each([
    ['https://login.microsoftonline.com/common/login', true],
    ['http://localhost:8400/?code=x&state=y', true],
    ['http://login.microsoftonline.com/', false],
    ['https://localhost:8401/', false],
    ['https://evil.com/', false],
    ['https://user@login.microsoftonline.com/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('lets the sign-in window go to %s: %s', (url, expected) => {
    expect(isNavigationAllowed(url, 'sign-in', signIn)).toBe(expected);
  });
});

describe('the IPC sender check (checklist §17)', () => {
  it('trusts the top frame at the app origin only', () => {
    expect(isTrustedFrame({ url: `${APP_ORIGIN}/index.html`, isTopFrame: true }, APP_ORIGIN)).toBe(true);
    expect(isTrustedFrame({ url: `${APP_ORIGIN}/index.html`, isTopFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame({ url: 'https://login.microsoftonline.com/', isTopFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame({ url: 'file:///tmp/evil.html', isTopFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedFrame(null, APP_ORIGIN)).toBe(false);
  });

  it('uses the development server origin only when one is configured', () => {
    expect(rendererOrigin(undefined)).toBe('app://samdesk');
    expect(rendererOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
  });
});

describe('the app:// protocol (checklist §18)', () => {
  const dir = '/opt/samdesk/renderer';

  it.each([
    ['app://samdesk/', `${dir}/index.html`],
    ['app://samdesk/index.html', `${dir}/index.html`],
    ['app://samdesk/assets/index-abc.js?v=1', `${dir}/assets/index-abc.js`],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(appFilePath(url, dir, join)).toBe(file);
  });

  it.each(['app://samdesk/../../etc/passwd', 'app://samdesk/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser resolves the dots first)',
    (url) => {
      expect(appFilePath(url, dir, join)).toBe(`${dir}/etc/passwd`);
    },
  );

  it.each([
    'app://samdesk/assets/..%2f..%2fsecret',
    'app://samdesk/a%5c..%5c..%5cx',
    'app://samdesk/%00',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://samdesk/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(appFilePath(url, dir, join)).toBeUndefined();
  });
});

describe('packaged builds and the extra CA', () => {
  it('honours ELECTRON_RENDERER_URL only unpackaged, and only for a loopback http dev server', () => {
    expect(developmentServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173');
    expect(developmentServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, true)).toBeUndefined();
    expect(developmentServerUrl({ ELECTRON_RENDERER_URL: 'https://attacker.example/' }, false)).toBeUndefined();
    expect(developmentServerUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeUndefined();
    expect(developmentServerUrl({}, false)).toBeUndefined();
  });

  it('lets a packaged build use a custom cloud only when started with --allow-custom-cloud for that origin', () => {
    const cloudSetting = 'https://127.0.0.1:8443/';
    const decide = (isPackaged: boolean, argv: string[], setting: string | undefined = cloudSetting) => customCloudPermission({ isPackaged, argv, cloudSetting: setting });
    expect(decide(false, [])).toBe('allowed');
    expect(decide(true, [])).toBe('refused');
    expect(decide(true, ['--allow-custom-cloud=https://127.0.0.1:8443'])).toBe('allowed');
    expect(decide(true, ['--allow-custom-cloud=https://127.0.0.1:9443'])).toBe('refused');
    expect(decide(true, ['--allow-custom-cloud=https://127.0.0.1:8443.attacker.example'])).toBe('refused');
    expect(decide(true, ['--allow-custom-cloud=nonsense'], 'nonsense')).toBe('refused');
    expect(decide(true, ['--allow-custom-cloud'])).toBe('refused');
    expect(customCloudPermission({ isPackaged: true, argv: ['--allow-custom-cloud=https://127.0.0.1:8443'], cloudSetting: undefined })).toBe('refused');
  });

  it("trusts the extra CA for the custom cloud's host alone, and only for what it issued", () => {
    const trusted = { hostname: '127.0.0.1', issuedBy: (pem: string) => pem === 'ours' };
    expect(extraCaVerdict('127.0.0.1', 'ours', trusted)).toBe(0);
    expect(extraCaVerdict('127.0.0.1', 'theirs', trusted)).toBe(-3);
    expect(extraCaVerdict('login.microsoftonline.com', 'ours', trusted)).toBe(-3);
    expect(extraCaVerdict('127.0.0.1', 'ours', undefined)).toBe(-3);
  });
});
