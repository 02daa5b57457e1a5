/** Partner accounts set up outside the page, for specs whose subject is what the window then shows. */
import type { Browser } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createServices } from '../../electron/core/app/services';
import { DAY_MS } from '../../electron/core/lifetime/lifetime';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import type { Harness } from '../harness/server';
import type { SimulatedCloud } from '../sim';
import { sha256 } from '../sim/state';
import { chromiumOpener } from '../support/browser';
import type { IsolatedEnvironment } from '../support/environment';

/**
 * One consent of the seeded SAM app as "Northwind Partner", signed in through the simulator's pages
 * in Chromium (the wizard has its own specs), into the harness's data folder and keychain.
 */
export async function consentOutsideThePage(sim: SimulatedCloud, simBrowser: Browser, isolated: IsolatedEnvironment, harness: Harness): Promise<{ profile: ProfileRecord; refreshToken: string }> {
  const outside = createServices(isolated.environment, { opener: chromiumOpener(simBrowser, sim) });
  await outside.consent.start({ partnerTenant: sim.partnerDomain, clientId: sim.samAppId, clientSecret: sim.samAppSecret, profileName: 'Northwind Partner' });
  const [profile] = await harness.services.profiles.list();
  const refreshToken = await harness.services.vault.get(vaultAccounts.refreshToken(profile!.id));
  return { profile: profile!, refreshToken: refreshToken! };
}

/** A second refresh token of the same grant that the simulated cloud holds as `days` idle (AADSTS700082 past 90). */
export function idleRefreshToken(sim: SimulatedCloud, refreshToken: string, days: number): string {
  const idleToken = `idle-${randomUUID()}`;
  const issued = sim.state.refreshTokens.get(sha256(refreshToken))!;
  sim.state.refreshTokens.set(sha256(idleToken), { ...issued, hash: sha256(idleToken), issuedMs: issued.issuedMs - days * DAY_MS });
  return idleToken;
}
