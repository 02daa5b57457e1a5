import { chromium, type Browser, type Page } from 'playwright';
import type { WindowOpener } from '../../electron/core/identity/consent';
import { currentTotp, type SimInfo } from '../sim';
import { chromiumArgs, chromiumExecutable } from './chromium';

/** Debian's Chromium with the flags this machine needs; trusts exactly the simulator's certificate. */
export function launchChromium(sim: SimInfo): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable,
    args: [...chromiumArgs, `--ignore-certificate-errors-spki-list=${sim.spkiHash}`],
    timeout: 30_000,
  });
}

/** Outside Playwright's test runner nothing bounds a page's waits: these do (each action, each navigation). */
const PAGE_ACTION_TIMEOUT_MS = 15_000;
const PAGE_NAVIGATION_TIMEOUT_MS = 30_000;

/**
 * Clicks through the simulator's sign-in, MFA and consent pages as the partner admin would.
 * `consent: false` for an app consented already (Azure PowerShell, which shows no consent page).
 */
export async function completeSignIn(page: Page, sim: SimInfo, options: { screenshots?: (name: string) => Promise<void>; consent?: boolean } = {}): Promise<void> {
  await page.getByLabel(/email|user/i).fill(sim.user);
  await page.getByLabel(/password/i).fill(sim.password);
  await options.screenshots?.('signin-1-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="otc"]').fill(currentTotp(sim.totpSecret));
  await options.screenshots?.('signin-2-mfa');
  await page.getByRole('button', { name: 'Verify' }).click();
  if (options.consent === false) return;
  await options.screenshots?.('signin-3-consent');
  await page.getByRole('button', { name: 'Accept' }).click();
}

/** A WindowOpener for tests: opens the sign-in page in real Chromium and clicks through it, like a partner admin. */
export function chromiumOpener(browser: Browser, sim: SimInfo, options: { consent?: boolean } = {}): WindowOpener {
  return {
    open(url, onClosedByUser) {
      const opened = browser.newPage().then(async (page) => {
        page.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
        page.setDefaultNavigationTimeout(PAGE_NAVIGATION_TIMEOUT_MS);
        try {
          await page.goto(url);
          await completeSignIn(page, sim, options);
        } catch (error) {
          // The automated admin could not finish: say why, and close the window as a person would,
          // so the sign-in ends now as cancelled instead of waiting out the loopback's five minutes.
          console.error(`The simulated sign-in did not complete: ${(error as Error).message.split('\n')[0]}`);
          await page.close().catch(() => undefined);
          onClosedByUser();
        }
        return page;
      });
      return { close: () => void opened.then((page) => page.close()).catch(() => undefined) };
    },
  };
}
