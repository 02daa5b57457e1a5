import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, secureWebPreferences } from '../../electron/main/securityPolicy';

/** Each hardening flag, its only safe value and the checklist item that asks for it (https://www.electronjs.org/docs/latest/tutorial/security). */
const secureFlags = [
  ['contextIsolation', true, '§3 isolate the preload from the page'],
  ['sandbox', true, '§4 sandbox the renderer'],
  ['nodeIntegration', false, '§2 no Node.js in the page'],
  ['nodeIntegrationInWorker', false, '§2 no Node.js in its workers'],
  ['nodeIntegrationInSubFrames', false, '§2 no Node.js in its frames'],
  ['webSecurity', true, '§6 keep the same-origin policy'],
  ['allowRunningInsecureContent', false, '§8 no http content in an https page'],
  ['experimentalFeatures', false, '§9 no experimental features'],
  ['webviewTag', false, '§12 no <webview>'],
] as const;

describe.each([
  ['the main window', { preload: '/app/out/preload/index.js', devTools: false }],
  ['the sign-in window', { devTools: false }],
  ['a development build', { devTools: true }],
])('the one webPreferences factory, for %s', (_name, options) => {
  it.each(secureFlags)('sets %s to %s (%s)', (flag, value) => {
    expect(secureWebPreferences(options)[flag]).toBe(value);
  });

  it('turns on no Blink feature (§10) and devTools only when asked', () => {
    const preferences = secureWebPreferences(options);
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences.devTools).toBe(options.devTools);
  });
});

describe('the one webPreferences factory', () => {
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
