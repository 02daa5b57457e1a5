import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from '@playwright/test';
import { test, expect } from './fixtures';
import { issuedSecrets } from '../sim/tokens';
import { contentSecurityPolicy } from '../../electron/main/securityPolicy';

// Consent happens in-process by device code (the simulator approves the first poll): this spec is
// about what the page receives and what it may run, not about the sign-in screens.
test.use({ simOptions: { customers: 30, autoApprove: true, deviceCodeIntervalSeconds: 1 } });

test('the renderer never receives a token, not even of the snippet the user copied, and runs no injected script', async ({
  app,
  sim,
  harness,
  isolated,
  clipboard,
  shoot,
}) => {
  const issued = new Set<string>([sim.samAppSecret]);
  issuedSecrets.record = issued;
  const bodies: Array<{ url: string; body: string }> = [];
  const pending: Array<Promise<unknown>> = [];
  const collect = (response: Response) => {
    // The event stream never ends; its events carry no secrets by construction (see EventPayloads).
    if (response.url().includes('/__samdesk/events')) return;
    pending.push(response.body().then((body) => bodies.push({ url: response.url(), body: body.toString('utf8') }), () => undefined));
  };
  app.on('response', collect);
  const violations: string[] = [];
  app.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  try {
    await harness.services.deviceCodes.start({ kind: 'sam', partnerTenant: sim.partnerDomain, clientId: sim.samAppId });
    await harness.services.deviceCodes.wait();
    const indexResponse = await app.reload();
    expect(indexResponse?.headers()['content-security-policy']).toBe(contentSecurityPolicy);

    const customer = sim.state.customers.find((c) => c.relationship === 'DAP' && sim.state.isConsented(c.id, sim.samAppId))!;
    await app.getByLabel(/Search customers/).first().fill(customer.domain);
    await app.getByText(customer.displayName, { exact: true }).first().click();
    await expect(app.getByRole('heading', { name: customer.displayName })).toBeVisible();
    await app.getByRole('button', { name: 'Copy Connect-AzAccount snippet' }).click();
    await expect(app.getByLabel('Connect-AzAccount snippet preview')).toBeVisible();
    await shoot(app, 'security-01-snippet-copied');
    const copied = await clipboard.readText();
    await Promise.all(pending);

    // The search finds tokens where they are allowed: on the clipboard, which main wrote.
    const leaks = (text: string) => [...issued].filter((secret) => text.includes(secret));
    expect(leaks(copied).length).toBeGreaterThanOrEqual(1);
    const [profile] = await harness.services.profiles.list();
    const stored = await isolated.keychain.get(`${profile!.id}/refresh-token`);
    expect(issued.has(stored!)).toBe(true);

    const ipc = bodies.filter(({ url }) => url.includes('/__samdesk/ipc/'));
    expect(ipc.map(({ url }) => url.split('/__samdesk/ipc/')[1]).sort()).toEqual(expect.arrayContaining(['app.state', 'snippets.copy', 'tenants.list']));
    // The window got the preview alone: no answer, snippets.copy's included, carries a secret.
    for (const { url, body } of bodies) expect(leaks(body), `secret in ${url}`).toEqual([]);
    expect(leaks(await app.content())).toEqual([]);

    // CSP: an injected inline script does not run, the browser reports the violation, and the app itself caused none.
    const outcome = await app.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__samdeskInjected = true';
      document.head.appendChild(script);
      return { ran: (window as unknown as { __samdeskInjected?: boolean }).__samdeskInjected ?? false, directive: await violation };
    });
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
    expect(violations.filter((text) => !text.includes("'self'") || !text.includes('inline'))).toEqual([]);
    expect(violations.length).toBeGreaterThan(0); // one per policy: the header and the <meta>
  } finally {
    issuedSecrets.record = undefined;
  }
});

test('a damaged metadata file is reported in a message bar at start, not a blank window', async ({ app, isolated, shoot }) => {
  await expect(app.getByRole('heading', { name: 'Connect your partner account' })).toBeVisible();
  writeFileSync(join(isolated.environment.home, 'profiles.json'), '{"schemaVersion":1,"data":[{"id":');
  await app.reload();
  const notice = app.getByRole('region', { name: 'Startup problems' });
  await expect(notice.getByText('Your saved partner accounts could not be read')).toBeVisible();
  await expect(notice.getByText(/has been moved to .*profiles\.json\.corrupt-/)).toBeVisible();
  await expect(notice.getByText(/refresh tokens in the keychain were kept/)).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Connect your partner account' })).toBeVisible();
  await shoot(app, 'security-02-damaged-metadata');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
