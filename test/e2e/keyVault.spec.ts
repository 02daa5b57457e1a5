import { test, expect } from './fixtures';
import { signInOnPopup, openPopup } from './wizardSteps';
import { signedInProfile } from '../support/signedInProfile';
import { isolatedEnvironment } from '../support/environment';
import { startHarness } from '../harness/server';
import { RunbookCredential, simSecretClient } from '../support/keyVault';
import { vaultAccounts } from '../../electron/core/vault/secretVault';

/** Both sizes the app is used at, for the vault panel. */
test('publishes from the app to a vault Resource Manager lists, shows "in sync", and a renewal shows the new version', async ({ app, sim, harness, shoot }) => {
  const profile = await signedInProfile(sim, harness.services, 'p-e2e-kv');
  await app.reload();

  await app.getByRole('button', { name: 'Azure Key Vault' }).click();
  const panel = app.getByRole('dialog', { name: 'Azure Key Vault' });
  await expect(panel.getByRole('button', { name: 'Publish to this vault' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Find my vaults' }).click();
  await panel.getByRole('radio', { name: /northwind-sam-kv/ }).check();
  await expect(panel.getByLabel('Or paste the vault’s URL')).toHaveValue(sim.keyVaultUrl);
  await panel.getByRole('radio', { name: /CIPP’s names/ }).check();
  await shoot(app, 'key-vault-01-publish');
  await panel.getByRole('button', { name: 'Publish to this vault' }).click();

  await expect(panel.getByRole('status', { name: /Key Vault status/ })).toHaveText('Vault: in sync, pushed just now');
  const latest = panel.getByLabel('Latest version');
  await expect(latest).toContainText('written by SAM Desk');
  const firstVersion = await latest.textContent();
  await shoot(app, 'key-vault-02-in-sync');

  // Renewing rotates the token; the profile row says the vault got it, and the panel shows the new version.
  await panel.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('button', { name: 'Refresh tokens and renewal' }).click();
  const tokens = app.getByRole('dialog', { name: 'Refresh tokens' });
  const row = tokens.getByRole('group', { name: `Profile ${profile.name}` });
  await expect(row.getByRole('status', { name: /Key Vault status/ })).toHaveText('Vault: in sync, pushed just now');
  await row.getByRole('button', { name: 'Renew now' }).click();
  await expect(row.getByRole('button', { name: 'Renew now' })).toBeEnabled();
  await shoot(app, 'key-vault-03a-profile-row');
  await tokens.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('button', { name: 'Azure Key Vault' })).toBeVisible();
  await shoot(app, 'key-vault-03b-header');
  await app.getByRole('button', { name: 'Azure Key Vault' }).click();
  await expect(latest).not.toHaveText(firstVersion!);
  await expect(panel.getByRole('status', { name: /Key Vault status/ })).toHaveText('Vault: in sync, pushed just now');

  // Loading customers rotates the token too; once its batched push is done, the vault holds the keychain's token.
  await harness.services.keyVault.sync.flush();
  const stored = await harness.services.vault.get(vaultAccounts.refreshToken(profile.id));
  const inVault = await simSecretClient(sim, new RunbookCredential(sim, stored!)).getSecret('RefreshToken');
  expect(inVault.value).toBe(stored);
  await expect(latest).toContainText(`(${inVault.properties.version!.slice(0, 8)}…)`);
  await shoot(app, 'key-vault-03-renewed');

  // A refusal shows on the profile in plain words.
  await harness.services.http.send({
    method: 'POST',
    url: `${sim.url}/_sim/keyvault/roles`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roles: [] }),
  });
  await panel.getByRole('button', { name: 'Push now' }).click();
  await expect(panel.getByRole('status', { name: /Key Vault status/ })).toHaveText('Vault: 403 — you need the Key Vault Secrets Officer role on this vault');
  await expect(panel).toContainText(`Ask an owner of the vault to give ${sim.user} the Key Vault Secrets Officer role`);
  await shoot(app, 'key-vault-04-forbidden');
});

test('a teammate joins from the vault as a second SAM Desk home with its own keychain, and stays in step', async ({ sim, harness, simBrowser, shoot }) => {
  // The admin's home published already.
  const admin = await signedInProfile(sim, harness.services, 'p-e2e-admin');
  await harness.services.keyVault.sync.publish(admin.id, sim.keyVaultUrl, 'samdesk');

  const teammate = isolatedEnvironment(sim);
  const teammateHarness = await startHarness({ environment: teammate.environment });
  // At rest for the axe scans, as the app context (fixtures.ts).
  const context = await simBrowser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.goto(teammateHarness.url);
    await expect(page.getByRole('heading', { name: 'Connect your partner account' })).toBeVisible();
    await page.getByRole('button', { name: 'Join from the vault' }).click();
    await expect(page.getByRole('heading', { name: 'Join from your team’s Key Vault' })).toBeVisible();
    await page.getByLabel('Vault URL').fill('https://northwind-sam-kv.vault.azure.net/');
    await page.getByRole('button', { name: 'Sign in and join' }).click();
    await expect(page.getByText('SAM Desk is set to the simulated cloud')).toBeVisible();
    await page.getByLabel('Vault URL').fill(sim.keyVaultUrl);
    await shoot(page, 'key-vault-05-join');
    await page.setViewportSize({ width: 1280, height: 800 });

    const popup = await openPopup(context, () => page.getByRole('button', { name: 'Sign in and join' }).click());
    await signInOnPopup(popup, sim, { consent: false });

    // The joined profile opens, in step with the vault.
    await expect(page.getByRole('group', { name: 'Signed-in profile' })).toContainText(sim.user);
    // A hovered button's tooltip is drawn inside a landmark (axe "region"), so one that shows, or
    // lingers behind the drawer its button opened, is never loose in the page.
    const vaultButton = page.getByRole('button', { name: 'Azure Key Vault' });
    await vaultButton.hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await shoot(page, 'key-vault-05b-tooltip');
    await vaultButton.click();
    const panel = page.getByRole('dialog', { name: 'Azure Key Vault' });
    await expect(panel.getByRole('status', { name: /Key Vault status/ })).toHaveText('Vault: in sync, pushed just now');
    await shoot(page, 'key-vault-06-joined');

    // The customer list loaded (a redemption, so a rotation); its batched push is then flushed.
    await expect(page.getByText('60 customers')).toBeVisible();
    await teammateHarness.services.keyVault.sync.flush();
    const [joined] = await teammateHarness.services.profiles.list();
    const copy = await teammate.keychain.get(vaultAccounts.refreshToken(joined!.id));
    const inVault = await simSecretClient(sim, new RunbookCredential(sim, copy!)).getSecret('SAMDesk-RefreshToken');
    expect(inVault.value).toBe(copy);

    // The admin's app takes the teammate's newer version instead of overwriting it.
    const adopted = await harness.services.keyVault.sync.sync(admin.id);
    expect(adopted.lastAdoptedAt).toBeDefined();
    expect(await harness.services.vault.get(vaultAccounts.refreshToken(admin.id))).toBe(copy);

    // Removing the joined profile asks about the vault's secrets; leaving them keeps the team's copy.
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Partner accounts' }).click();
    await page.getByRole('listitem', { name: joined!.name }).getByRole('button', { name: 'Remove' }).click();
    const removal = page.getByRole('dialog', { name: `Remove “${joined!.name}”?` });
    await expect(removal.getByRole('radio', { name: /Leave its secrets in the key vault northwind-sam-kv/ })).toBeChecked();
    await expect(removal.getByRole('radio', { name: /Delete them from northwind-sam-kv too/ })).toBeVisible();
    await shoot(page, 'key-vault-07-remove-asks');
    await removal.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('No partner accounts yet.')).toBeVisible();
    expect((await simSecretClient(sim, new RunbookCredential(sim, copy!)).getSecret('SAMDesk-RefreshToken')).value).toBe(copy);
  } finally {
    await context.close();
    await teammateHarness.stop();
    await teammate.cleanUp();
  }
});
