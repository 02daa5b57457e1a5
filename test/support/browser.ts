import { chromium, type Browser, type Page } from 'playwright';
import type { WindowOpener } from '../../electron/core/identity/consent';
import { currentTotp, type SimInfo } from '../sim';
import { chromiumArgs, chromiumExecutable } from './chromium';

/** Debian's Chromium with the flags this machine needs; trusts exactly the simulator's certificate. */
export function launchChromium(sim: SimInfo): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable,
    args: [...chromiumArgs, `--ignore-certificate-errors-spki-list=${sim.spkiHash}`],
  });
}

/** Clicks through the simulator's sign-in, MFA and consent pages as the partner admin would. */
export async function completeSignIn(page: Page, sim: SimInfo, options: { screenshots?: (name: string) => Promise<void> } = {}): Promise<void> {
  await page.getByLabel(/email|user/i).fill(sim.user);
  await page.getByLabel(/password/i).fill(sim.password);
  await options.screenshots?.('signin-1-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="otc"]').fill(currentTotp(sim.totpSecret));
  await options.screenshots?.('signin-2-mfa');
  await page.getByRole('button', { name: 'Verify' }).click();
  await options.screenshots?.('signin-3-consent');
  await page.getByRole('button', { name: 'Accept' }).click();
}

/** A WindowOpener for tests: opens the sign-in page in real Chromium and clicks through it, like a partner admin. */
export function chromiumOpener(browser: Browser, sim: SimInfo): WindowOpener {
  return {
    open(url) {
      const opened = browser.newPage().then(async (page) => {
        await page.goto(url);
        await completeSignIn(page, sim);
        return page;
      });
      return { close: () => void opened.then((page) => page.close()).catch(() => undefined) };
    },
  };
}
