/**
 * The real electron/main/index.ts, run against the Electron stand-in (test/support/electron) with
 * the real services behind it: the simulated cloud, the keychain, the built renderer. What only
 * the real Electron can show (native windows, the OS tray, real notifications) is in
 * test/e2e/*.electron.spec.ts.
 */
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { IPC_PREFIX } from '../../electron/ipc/api';
import type { AppState } from '../../electron/ipc/app';
import { channelNames } from '../../electron/ipc/channels';
import { appPageHeaders, concealedClipboardFormats, secureWebPreferences } from '../../electron/main/securityPolicy';
import { silentLogger } from '../../electron/core/app/logger';
import { generateTls } from '../sim/ca';
import { signedInProfile } from '../support/signedInProfile';
import { completeSignIn, launchChromium } from '../support/browser';
import { waitUntil } from '../support/bounded';
import { loadMainProcess, type LoadedMainProcess } from '../support/electron/loadMain';
import type { ElectronStandIn } from '../support/electron/standIn';
import { preventable, type StandInWebContents } from '../support/electron/standInWindows';
import { useSimulatedApp } from '../support/simulatedApp';

const DAY_MS = 24 * 3600_000;

/** The certificate a TLS server presents, as PEM (whether or not it is trusted). */
function peerCertificatePem(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      const der = socket.getPeerCertificate().raw;
      socket.end();
      resolve(`-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`);
    });
    socket.on('error', reject);
  });
}
const APP_PAGE = 'app://samdesk/index.html';

/** The renderer asking over IPC, from the main window's top frame (or from elsewhere). */
function invoke(electron: ElectronStandIn, channel: string, input?: unknown, from: { sender?: StandInWebContents; url?: string; subframe?: boolean } = {}) {
  const handler = electron.ipcHandlers.get(`${IPC_PREFIX}${channel}`);
  if (!handler) throw new Error(`No IPC handler for ${channel}`);
  const sender = from.sender ?? electron.mainWindow()!.webContents;
  const event = { sender, senderFrame: { url: from.url ?? APP_PAGE, parent: from.subframe ? {} : null } };
  return handler(event as never, input) as Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }>;
}

describe('the Electron main process, on the stand-in', () => {
  const setup = useSimulatedApp({ cloud: { customers: 5 } });
  let browser: Browser;
  let main: LoadedMainProcess | undefined;
  const load = async (options: Omit<Parameters<typeof loadMainProcess>[0], 'env'> & { env?: Record<string, string> } = {}) => {
    main = await loadMainProcess({ ...options, env: { ...setup.isolated.variables, ...options.env } });
    return main.electron;
  };

  beforeAll(async () => {
    browser = await launchChromium(setup.sim);
  });

  afterEach(async () => {
    await main?.unload();
    main = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a second instance exits at once without starting anything; the first comes to the front', async () => {
    const second = await load({ firstInstance: false });
    expect(second.app.exitCode).toBe(0);
    expect(second.windows).toEqual([]);
    expect(second.ipcHandlers.size).toBe(0);
    expect(second.trays).toEqual([]);
    await main!.unload();

    const first = await load();
    const window = first.mainWindow()!;
    window.close(); // closed to the tray
    first.app.emit('second-instance', preventable(), [], process.cwd());
    const reopened = first.mainWindow()!;
    expect(reopened).not.toBe(window);
    expect(reopened.shown).toBe(true);
    expect(reopened.focused).toBeGreaterThan(0);
  });

  it('on ready every window gets the one secure set of webPreferences, and app pages carry the CSP', async () => {
    const electron = await load();
    const [window] = electron.windows;
    expect(window!.options.webPreferences).toEqual(secureWebPreferences({ preload: join(process.cwd(), 'out/preload/index.js'), devTools: false }));
    expect(window!.loadedUrls).toEqual([APP_PAGE]);
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

    const serve = electron.protocol.handlers.get('app')!;
    const page = await serve(new Request(APP_PAGE) as never);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(appPageHeaders['content-security-policy']);
    expect(await page.text()).toContain('<div id="root">');
    for (const outside of ['app://samdesk/../package.json', 'app://samdesk/%2e%2e/package.json', 'app://samdesk/..%2fpackage.json', 'app://other/index.html']) {
      expect((await serve(new Request(outside) as never)).status, outside).toBe(404);
    }
  });

  it('binds every contract channel once, behind the sender check, and nothing else', async () => {
    const electron = await load();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(channelNames.map((name) => `${IPC_PREFIX}${name}`).sort());
    expect(electron.ipcDuplicates).toEqual([]);

    expect(await invoke(electron, 'app.state')).toMatchObject({ ok: true, value: { profiles: [] } });
    const refused = { ok: false, error: { kind: 'invalid-input', message: 'Request refused: unexpected sender.' } };
    expect(await invoke(electron, 'app.state', undefined, { subframe: true })).toEqual(refused);
    expect(await invoke(electron, 'app.state', undefined, { url: 'https://evil.example/' })).toEqual(refused);
    const other = new (electron.module().BrowserWindow as new () => { webContents: StandInWebContents })();
    expect(await invoke(electron, 'app.state', undefined, { sender: other.webContents })).toEqual(refused);
  });

  it('denies navigation, redirects, sub-frames, window.open, webviews and permissions', async () => {
    const electron = await load();
    const contents = electron.mainWindow()!.webContents;
    for (const event of ['will-navigate', 'will-redirect'] as const) {
      const navigation = preventable({ url: 'https://evil.example/' });
      contents.emit(event, navigation);
      expect(navigation.defaultPrevented, event).toBe(true);
    }
    const frame = preventable({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', frame);
    expect(frame.defaultPrevented).toBe(true);
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' } as never)).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: `${setup.sim.url}/help` } as never)).toEqual({ action: 'deny' });
    expect(electron.openedExternally).toEqual([`${setup.sim.url}/help`]);

    const ask = (session: typeof electron.session.defaultSession, permission: string, requestingUrl: string) =>
      new Promise<boolean>((resolve) => session.permissionRequestHandler!(contents as never, permission as never, resolve, { requestingUrl } as never));
    expect(await ask(electron.session.defaultSession, 'clipboard-sanitized-write', APP_PAGE)).toBe(true);
    expect(await ask(electron.session.defaultSession, 'geolocation', APP_PAGE)).toBe(false);
    expect(await ask(electron.session.defaultSession, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(await ask(electron.session.fromPartition('signin'), 'clipboard-sanitized-write', APP_PAGE)).toBe(false);
    expect(electron.session.defaultSession.permissionCheckHandler!(contents as never, 'geolocation' as never, APP_PAGE, {} as never)).toBe(false);
  });

  it('closing the window keeps the app in the tray; the tray opens it again', async () => {
    const electron = await load();
    electron.mainWindow()!.close();
    expect(electron.app.quitRequested).toBe(0);
    expect(electron.trays[0]!.destroyed).toBe(false);
    electron.trays[0]!.emit('click');
    expect(electron.mainWindow()?.shown).toBe(true);
  });

  it('the tray shows the worst level and warns once; its Renew renews and its Quit quits', async () => {
    const services = setup.newServices({ logger: silentLogger });
    const profile = await signedInProfile(setup.sim, services, 'p-tray');
    await services.profiles.update((all) => all.map((p) => (p.id === profile.id ? { ...p, lastRedeemedAt: new Date(Date.now() - 80 * DAY_MS).toISOString() } : p)));
    await services.settings.set({ autoRenew: false });

    const electron = await load();
    const tray = () => electron.trays[0]!;
    await waitUntil(() => String((tray().image as { path: string }).path).endsWith('tray-warning.png'), 'the warning icon');
    expect(tray().toolTip).toMatch(/^SAM Desk — northwindpartner\.onmicrosoft\.com: refresh token expires in 9 d/);
    await waitUntil(() => electron.notifications.length > 0, 'the warning notification');
    expect(electron.notifications).toHaveLength(1);
    expect(electron.notifications[0]).toMatchObject({ shown: true });

    // Another refresh (a settings change) raises no second notice for the same threshold.
    expect(await invoke(electron, 'settings.set', { notifications: true })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electron.notifications).toHaveLength(1);

    tray().menu!.click('Renew all');
    await waitUntil(() => String((tray().image as { path: string }).path).endsWith('tray-healthy.png'), 'the healthy icon after renewing');
    expect(Date.now() - Date.parse((await services.profiles.get(profile.id))!.lastRedeemedAt)).toBeLessThan(DAY_MS);

    tray().menu!.click('Quit SAM Desk');
    expect(electron.app.quitRequested).toBe(1);
    expect(tray().destroyed).toBe(true);
    await services.settings.set({ autoRenew: true });
  });

  it('main puts a copied snippet on the clipboard marked concealed, the window gets the preview, and quitting clears it', async () => {
    const services = setup.newServices({ logger: silentLogger });
    const profile = await signedInProfile(setup.sim, services, 'p-clipboard');
    const customer = setup.sim.state.customers.find((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId))!;
    const electron = await load();

    const copied = await invoke(electron, 'snippets.copy', { profileId: profile.id, customerTenantId: customer.id, module: 'az' });
    expect(copied).toMatchObject({ ok: true, value: { containsSecret: true, clear: { id: expect.any(Number), clearsAt: expect.any(String) } } });
    expect(JSON.stringify(copied)).not.toMatch(/eyJ/);
    expect(await electron.clipboard.readText()).toMatch(/Connect-AzAccount -AccessToken 'eyJ/);
    expect(Object.keys(electron.clipboard.contents)).toEqual(['text/plain', ...Object.keys(concealedClipboardFormats(process.platform))]);

    electron.app.quit();
    await waitUntil(() => electron.app.quitRequested === 2, 'the quit after the clipboard was cleared');
    expect(electron.clipboard.contents).toEqual({});
  });

  it('the sign-in window closes when the code arrives, and closing it yourself cancels the sign-in', async () => {
    const electron = await load();
    const consent = () => invoke(electron, 'consent.start', { partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId, clientSecret: setup.sim.samAppSecret, profileName: 'Stand-in' });

    const signedIn = consent();
    await waitUntil(() => electron.windows.length === 2, 'the sign-in window');
    const signInWindow = electron.windows[1]!;
    expect(signInWindow.options.webPreferences).toEqual({ ...secureWebPreferences({ devTools: false }), partition: 'signin' });
    expect(signInWindow.title).toBe(`Sign in to Microsoft — ${new URL(setup.sim.url).host}`);
    const page = await browser.newPage();
    await page.goto(signInWindow.loadedUrls[0]!);
    await completeSignIn(page, setup.sim);
    expect(await signedIn).toMatchObject({ ok: true, value: { name: 'Stand-in', level: 'healthy' } });
    expect(signInWindow.destroyed).toBe(true);
    await page.close();

    const cancelled = consent();
    await waitUntil(() => electron.windows.length === 3, 'the second sign-in window');
    // Inside the sign-in window, only the login host and the loopback redirect may be shown.
    const contents = electron.windows[2]!.webContents;
    const toLogin = preventable({ url: `${setup.sim.url}/common/login` });
    const away = preventable({ url: 'https://evil.example/phish' });
    const awayFrame = preventable({ url: 'https://evil.example/frame', isMainFrame: false });
    contents.emit('will-navigate', toLogin);
    contents.emit('will-redirect', away);
    contents.emit('will-frame-navigate', awayFrame);
    expect([toLogin.defaultPrevented, away.defaultPrevented, awayFrame.defaultPrevented]).toEqual([false, true, true]);
    electron.windows[2]!.close();
    expect(await cancelled).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it("Chromium trusts the simulator's CA for the simulator's host only, and only for certificates it issued", async () => {
    const electron = await load();
    const simCertificate = await peerCertificatePem(setup.sim.url);
    const foreign = generateTls().certPem;
    for (const session of [electron.session.defaultSession, electron.session.fromPartition('signin')]) {
      const verdict = (hostname: string, data: string) =>
        new Promise<number>((resolve) => session.certificateVerifyProc!({ hostname, certificate: { data } } as never, resolve));
      expect(await verdict(new URL(setup.sim.url).hostname, simCertificate)).toBe(0);
      expect(await verdict('login.microsoftonline.com', simCertificate)).toBe(-3);
      expect(await verdict(new URL(setup.sim.url).hostname, foreign)).toBe(-3);
    }
  });

  it('changing a tenant needs a confirmation main shows itself; a no changes nothing', async () => {
    const electron = await load();
    electron.dialogAnswer = 1; // the user clicks Cancel
    const appsBefore = setup.sim.state.apps.size;
    const declined = await invoke(electron, 'samApp.create', { displayName: 'SAM Desk \u202eevil' });
    expect(declined).toMatchObject({ ok: false, error: { kind: 'cancelled', message: 'Nothing was changed: “Create the app” was not confirmed.' } });
    expect(electron.dialogs).toEqual([
      expect.objectContaining({ type: 'question', buttons: ['Create the app', 'Cancel'], cancelId: 1, message: 'Create the app registration “SAM Desk evil” in your partner tenant?' }),
    ]);
    const refused = await invoke(electron, 'customerConsent.grant', { profileId: 'p-none', customerTenantIds: [setup.sim.state.customers[0]!.id] });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(electron.dialogs[1]).toMatchObject({ message: expect.stringMatching(/^Consent the SAM app in the customer tenant “/) });
    expect(setup.sim.state.apps.size).toBe(appsBefore);
  });

  it('a packaged build ignores the development overrides; an unpackaged one honours them', async () => {
    const devServer = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    const packaged = await load({ isPackaged: true, env: devServer });
    expect(packaged.mainWindow()!.loadedUrls).toEqual([APP_PAGE]);
    expect(packaged.mainWindow()!.options.webPreferences?.devTools).toBe(false);
    await main!.unload();

    const development = await load({ env: devServer });
    expect(development.mainWindow()!.loadedUrls).toEqual(['http://localhost:5173']);
    expect(development.mainWindow()!.options.webPreferences?.devTools).toBe(true);
    // Requests are then trusted from the dev server's origin, and from nowhere else.
    expect(await invoke(development, 'app.state', undefined, { url: 'http://localhost:5173/' })).toMatchObject({ ok: true });
    expect(await invoke(development, 'app.state')).toMatchObject({ ok: false });
  });

  it('a packaged build uses a custom cloud from SAMDESK_CLOUD only when started with --allow-custom-cloud for it', async () => {
    const planted = await load({ isPackaged: true });
    const refused = (await invoke(planted, 'app.state')) as { value: AppState };
    expect(refused.value.cloud).toEqual({ name: 'Microsoft public cloud', loginHost: 'https://login.microsoftonline.com' });
    expect(refused.value.notices).toContainEqual(expect.objectContaining({ title: 'A development setting was ignored', action: `To use that cloud, start SAM Desk with --allow-custom-cloud=${setup.sim.url}.` }));
    // Nor is the simulator's CA trusted anywhere.
    expect(planted.session.defaultSession.certificateVerifyProc).toBeNull();
    await main!.unload();

    const optedIn = await load({ isPackaged: true, argv: [`--allow-custom-cloud=${setup.sim.url}`] });
    expect(((await invoke(optedIn, 'app.state')) as { value: AppState }).value.cloud).toEqual({ name: 'Simulated cloud', loginHost: setup.sim.url });
    expect(optedIn.session.defaultSession.certificateVerifyProc).not.toBeNull();
  });
});
