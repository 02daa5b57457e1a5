import { app, BrowserWindow, session, shell, type IpcMainInvokeEvent } from 'electron';
import { X509Certificate } from 'node:crypto';
import { createHandlers } from '../core/app/handlers';
import { createServices } from '../core/app/services';
import { readEnvironment } from '../core/config/environment';
import type { WindowOpener } from '../core/identity/consent';
import { isAllowedExternalUrl } from '../core/app/externalUrls';
import { bindIpc, emit } from './ipcBinding';
import { installSecurityGuards, SIGN_IN_PARTITION } from './security';
import { startLifetimeWatch } from './tray';
import { startedAtLogin } from './loginItem';
import { confirmInDialog } from './dialogs';
import { electronClipboard } from './clipboard';
import { createMainWindow, createSignInWindow, rendererDir, rendererOrigin } from './windows';
import { createLogger } from '../core/app/logger';
import { registerAppScheme, serveAppPages } from './appProtocol';
import { customCloudPermission, extraCaVerdict, isTrustedFrame } from './securityPolicy';

// One instance owns the tray and the loopback ports; a second one focuses the first and exits
// at once (app.quit() would still let whenReady run and start a second set of services).
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.exit(0);

const environment = readEnvironment(process.env, {
  customCloud: customCloudPermission({ isPackaged: app.isPackaged, argv: process.argv, cloudSetting: process.env.SAMDESK_CLOUD }),
});
const logger = createLogger({ home: environment.home });
process.on('uncaughtException', (error) => logger.error('Uncaught exception in the main process.', error));
process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection in the main process.', reason));
registerAppScheme();
/** How long quitting waits for a copied secret to be cleared from the clipboard. */
const QUIT_CLEAR_TIMEOUT_MS = 2_000;
let mainWindow: BrowserWindow | undefined;
const signInHosts = new Set<string>();

const opener: WindowOpener = {
  open(url, onClosedByUser) {
    const loginHost = new URL(url).host;
    const redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? 'http://localhost/').host;
    signInHosts.add(loginHost).add(redirect);
    const window = createSignInWindow(mainWindow, url);
    let closedByApp = false;
    window.on('closed', () => {
      signInHosts.delete(redirect);
      if (!closedByApp) onClosedByUser();
    });
    return {
      close() {
        closedByApp = true;
        if (!window.isDestroyed()) window.close();
      },
    };
  },
  // "Sign in with my browser": only the configured login host's pages (Electron security checklist §15).
  openExternal(url) {
    if (isAllowedExternalUrl(url, [new URL(environment.cloud.loginHost).host])) void shell.openExternal(url);
    else logger.warn('Refused to open a link that is not an https page of a Microsoft host.');
  },
};

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || event.sender !== mainWindow.webContents) return false;
  return isTrustedFrame({ url: frame.url, isTopFrame: !frame.parent }, rendererOrigin());
}

/**
 * The extra CA (the simulated cloud's) is trusted for the custom cloud's own host only, and only
 * for certificates it issued, in both sessions; every other host keeps Chromium's verdict.
 */
function trustExtraCa(): void {
  if (!environment.extraCa) return;
  const ca = new X509Certificate(environment.extraCa.pem);
  const trusted = {
    hostname: new URL(environment.extraCa.origin).hostname,
    issuedBy: (certificatePem: string) => {
      try {
        const leaf = new X509Certificate(certificatePem);
        return leaf.checkIssued(ca) && leaf.verify(ca.publicKey);
      } catch {
        return false;
      }
    },
  };
  for (const target of [session.defaultSession, session.fromPartition(SIGN_IN_PARTITION)]) {
    target.setCertificateVerifyProc((request, callback) => callback(extraCaVerdict(request.hostname, request.certificate.data, trusted)));
  }
}

void app.whenReady().then(() => {
  if (!isFirstInstance) return;
  installSecurityGuards({
    appOrigin: rendererOrigin(),
    signInHosts: () => [...signInHosts],
    loginHost: environment.cloud.loginHost,
    logger,
  });
  serveAppPages(rendererDir());
  trustExtraCa();
  const services = createServices(environment, {
    logger,
    opener,
    clipboard: electronClipboard,
    events: { emit: (event, payload) => mainWindow && !mainWindow.isDestroyed() && emit(mainWindow.webContents, event, payload) },
  });
  // Tray, threshold notifications and automatic renewal.
  const watch = startLifetimeWatch({ services, mainWindow: () => mainWindow, createMainWindow: () => (mainWindow = createMainWindow()) });
  bindIpc(
    createHandlers(services, { onSettingsChanged: watch.settingsChanged, confirm: (confirmation) => confirmInDialog(mainWindow, confirmation) }),
    isTrustedSender,
  );
  // Published profiles: look for newer vault versions and retry failed pushes while SAM Desk runs.
  const stopVaultSync = services.keyVault.sync.startBackground();
  app.on('before-quit', () => stopVaultSync());
  if (!startedAtLogin()) mainWindow = createMainWindow();
  // The main window may have been closed to the tray: open it again.
  app.on('second-instance', () => watch.openApp());
  app.on('before-quit', () => watch.stop());
  // A secret SAM Desk copied does not outlive it on the clipboard: quitting waits (briefly) for the clear.
  let clipboardSettled = false;
  app.on('before-quit', (event) => {
    if (clipboardSettled || !services.clipboard.holdsSecret) return;
    event.preventDefault();
    const late = new Promise((resolve) => setTimeout(resolve, QUIT_CLEAR_TIMEOUT_MS));
    void Promise.race([services.clipboard.clearNow(), late]).finally(() => {
      clipboardSettled = true;
      app.quit();
    });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

// Closing the window keeps SAM Desk in the tray, renewing tokens and warning before they lapse; the tray's Quit quits.
app.on('window-all-closed', () => undefined);
