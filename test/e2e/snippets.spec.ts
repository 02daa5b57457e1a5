import type { Page } from '@playwright/test';
import { decodeJwt } from 'jose';
import { test, expect } from './fixtures';
import { loadPowerShellGrammar, parsePowerShell, syntaxProblems } from '../unit/powershellSyntax';
import type { SamDeskApi } from '../../electron/ipc/api';
import { snippetModuleSchema } from '../../electron/ipc/schemas';
import { snippetCatalog } from '../../electron/shared/snippetCatalog';
import type { Harness } from '../harness/server';
import type { SimulatedCloud } from '../sim';

// Consent happens in-process by device code (the simulator approves the first poll, with MFA), so
// this spec tests the snippets and not the sign-in screens, which slice.spec.ts covers.
test.use({ simOptions: { customers: 60, autoApprove: true, deviceCodeIntervalSeconds: 1 } });

/** The cmdlet a module is known by on screen and in its button's name ("New-PSSession", not the whole form). */
const onScreen = (command: string) => command.replace(/ … .*$/, '');

/** Consents by device code, then opens a DAP customer that has consented to the SAM app. */
async function consentedCustomerOpen(app: Page, sim: SimulatedCloud, harness: Harness) {
  await harness.services.deviceCodes.start({ kind: 'sam', partnerTenant: sim.partnerDomain, clientId: sim.samAppId });
  await harness.services.deviceCodes.wait();
  await app.reload();
  const customer = sim.state.customers.find((c) => c.relationship === 'DAP' && sim.state.isConsented(c.id, sim.samAppId))!;
  await app.getByLabel(/Search customers/).first().fill(customer.domain);
  await app.getByText(customer.displayName, { exact: true }).first().click();
  await expect(app.getByRole('heading', { name: customer.displayName })).toBeVisible();
  return customer;
}

test('a partner admin copies each module’s snippet; the clipboard is cleared after the set time, with the window unfocused', async ({
  app,
  appContext,
  sim,
  harness,
  clipboard,
  shoot,
}) => {
  await loadPowerShellGrammar();
  // Long enough that a slow machine reads each snippet before it is cleared; shortened below.
  await harness.services.settings.set({ clipboardClearSeconds: 120 });

  const customer = await consentedCustomerOpen(app, sim, harness);

  // The desktop's clipboard, which main writes and clears (the page never holds the snippet).
  const readClipboard = () => clipboard.readText();

  for (const module of snippetModuleSchema.options) {
    const card = { module, ...snippetCatalog[module] };
    const label = onScreen(card.command);
    const cardElement = app.getByRole('listitem', { name: card.title, exact: true });
    await cardElement.getByRole('button', { name: `Copy ${label} snippet` }).click();
    if (card.resources.some(({ resource }) => resource === 'aadgraph')) {
      // The seeded SAM app does not ask for the retired Azure AD Graph, so Microsoft issues no token
      // for it (AADSTS650057): the card says so in words, with the replacement, and copies nothing.
      const error = cardElement.getByRole('group', { name: "Couldn't copy the snippet" });
      await expect(error).toContainText('Microsoft issues no Azure AD Graph token for this SAM app, because the app does not ask for Azure AD Graph');
      await expect(error).toContainText(`Use ${snippetCatalog[card.retired!.replacement].title}`);
      await expect(cardElement.getByText(`Retired ${card.retired!.retiredOn}`, { exact: true })).toBeVisible();
      continue;
    }
    await expect(cardElement.getByRole('region', { name: `${label} snippet preview` })).toBeVisible();

    const clipboard = await readClipboard();
    expect(syntaxProblems(parsePowerShell(clipboard)), card.module).toEqual([]);
    expect(clipboard).toContain(`tenant ${customer.id}`);
    // Every token in it was minted just now for this customer (Partner Center: the partner tenant).
    const tokens = [...clipboard.matchAll(/'(eyJ[\w-]+\.[\w-]+\.[\w-]+)'/g)].map((match) => decodeJwt(match[1]!));
    expect(tokens.length, card.module).toBeGreaterThan(0);
    for (const token of tokens) {
      expect(token.tid).toBe(card.module === 'partnercenter' ? sim.partnerTenantId : customer.id);
    }
    if (card.retired) await expect(cardElement.getByText(`Retired ${card.retired.retiredOn}`, { exact: true })).toBeVisible();
  }

  // The countdown, for a person to look at, while the clear is still far off (screenshots at two sizes, with axe, take seconds).
  const azureCard = app.getByRole('listitem', { name: 'Azure', exact: true });
  await azureCard.getByRole('button', { name: 'Copy Connect-AzAccount snippet' }).click();
  await expect(app.getByText(/^Clipboard clears in \d+ s$/).last()).toBeVisible();
  await shoot(app, 'snippets-01-copied-with-countdown', azureCard);

  // A short clear time through the real settings channel, instead of waiting the default 30 s.
  await app.evaluate(() => (window as unknown as { samdesk: SamDeskApi }).samdesk.settings.set({ clipboardClearSeconds: 4 }));
  await azureCard.getByRole('button', { name: 'Copy Connect-AzAccount snippet' }).click();
  await expect(app.getByText(/^Clipboard clears in [1-4] s$/).last()).toBeVisible();
  expect(await readClipboard()).toContain('Connect-AzAccount');
  // The admin switches away (to a terminal, here another page): SAM Desk's window loses focus.
  // Playwright pretends every page has focus; turned off, the page is as unfocused as a real
  // window behind a terminal, where Chromium refuses navigator.clipboard.
  const cdp = await appContext.newCDPSession(app);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  const elsewhere = await appContext.newPage();
  await elsewhere.bringToFront();
  await expect.poll(() => app.evaluate(() => document.hasFocus())).toBe(false);
  // What the window itself could do now: nothing (the old renderer-side clear failed just so).
  expect(await app.evaluate(() => navigator.clipboard.writeText('').then(() => 'written', (error: Error) => error.name))).toBe('NotAllowedError');
  await expect.poll(readClipboard, { timeout: 10_000 }).toBe('');
  await expect(app.getByText('Clipboard cleared.').last()).toBeAttached();
  await elsewhere.close();
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await app.bringToFront();

  // The snippet panel, a retired module included, for a person to look at, once the copy's toast has
  // gone (mid-fade, its text fails axe's contrast check; its timer paused while the window was unfocused).
  await expect(app.getByText('Clipboard cleared.')).toHaveCount(0, { timeout: 20_000 });
  const retiredCard = app.getByRole('listitem', { name: 'Exchange remote PowerShell session', exact: true });
  await retiredCard.scrollIntoViewIfNeeded();
  const banner = retiredCard.locator('.fui-MessageBar');
  await expect(banner).toContainText('Retired October 2023');
  await expect(banner).toContainText('use Exchange Online (Connect-ExchangeOnline)');
  await shoot(app, 'snippets-02-retired-module', retiredCard);

  // Script mode: nothing secret inside, so nothing to clear.
  const graphCard = app.getByRole('listitem', { name: 'Microsoft Graph PowerShell', exact: true });
  await graphCard.getByRole('radiogroup', { name: 'Kind of Connect-MgGraph snippet' }).getByRole('radio', { name: 'Script' }).check();
  // The choice is the module's own: Azure still copies a paste snippet.
  await expect(azureCard.getByRole('button', { name: 'Copy Connect-AzAccount snippet' })).toBeVisible();
  await graphCard.getByRole('button', { name: 'Copy Connect-MgGraph script' }).click();
  await expect(app.getByText('Script copied — no token inside').last()).toBeVisible();
  const script = await readClipboard();
  expect(syntaxProblems(parsePowerShell(script))).toEqual([]);
  expect(script).toContain(`Get-SamDeskAccessToken -TenantId '${customer.id}'`);
  expect(script).not.toMatch(/eyJ/);
  await shoot(app, 'snippets-03-script-mode', graphCard);
});

test('each module shows its snippet before anything is copied: placeholders for the tokens, nothing minted, nothing on the clipboard', async ({
  app,
  sim,
  harness,
  clipboard,
  shoot,
}) => {
  const customer = await consentedCustomerOpen(app, sim, harness);
  await clipboard.clear();
  const mark = sim.requestLog.mark();

  const graph = app.getByRole('listitem', { name: 'Microsoft Graph PowerShell', exact: true });
  await graph.getByRole('button', { name: 'Preview Connect-MgGraph snippet' }).click();
  const preview = graph.getByRole('region', { name: 'Connect-MgGraph snippet preview' });
  await expect(preview).toContainText("Connect-MgGraph -AccessToken (ConvertTo-SecureString '<Microsoft Graph access token>'");
  await expect(preview).toContainText(`tenant ${customer.id}`);
  await expect(graph.getByText(/Tokens are shown as placeholders/)).toBeVisible();
  // Script mode's preview is the script itself, saying where its secrets come from.
  await graph.getByRole('radio', { name: 'Script' }).check();
  await expect(preview).toContainText('samdesk refresh-token --reveal');
  await expect(preview).toContainText('Get-SamDeskAccessToken');

  // A second module's preview is a region with its own name (axe landmark-unique).
  const exchange = app.getByRole('listitem', { name: 'Exchange Online', exact: true });
  await exchange.getByRole('button', { name: 'Preview Connect-ExchangeOnline snippet' }).click();
  await expect(exchange.getByRole('region', { name: 'Connect-ExchangeOnline snippet preview' })).toContainText('<Exchange Online access token>');
  await shoot(app, 'snippets-04-previews-before-copy', graph);

  // Looking redeemed nothing and copied nothing.
  expect(sim.requestLog.since(mark).filter((line) => line.includes(`/${customer.id}/oauth2/v2.0/token`))).toEqual([]);
  expect(await clipboard.readText()).toBe('');
});
