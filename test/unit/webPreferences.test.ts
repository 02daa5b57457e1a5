import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, secureWebPreferences } from '../../electron/main/securityPolicy';

describe('the one webPreferences factory', () => {
  it.each([
    ['the main window', { preload: '/app/out/preload/index.js', devTools: false }],
    ['the sign-in window', { devTools: false }],
    ['a development build', { devTools: true }],
  ])('makes %s isolated, sandboxed and without Node (checklist §2–§4, §6, §8–§12)', (_name, options) => {
    const preferences = secureWebPreferences(options);
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences.devTools).toBe(options.devTools);
  });

  it('adds a preload only when asked: the sign-in window runs Microsoft pages with none', () => {
    expect(secureWebPreferences({ preload: '/p.js', devTools: false }).preload).toBe('/p.js');
    expect(secureWebPreferences({ devTools: false })).not.toHaveProperty('preload');
  });
});

describe('the content security policy', () => {
  const directives = (policy: string) =>
    new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

  it('allows scripts from the app itself only: no inline, no eval, no remote hosts', () => {
    const policy = directives(contentSecurityPolicy);
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('is the same in renderer/index.html as in the response header, except frame-ancestors, which only a header can carry', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = directives(contentSecurityPolicy);
    header.delete('frame-ancestors');
    expect(meta && directives(meta)).toEqual(header);
  });
});
