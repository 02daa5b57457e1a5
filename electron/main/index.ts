import { app, BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { X509Certificate } from 'node:crypto';
import { createHandlers } from '../core/app/handlers';
import { createServices } from '../core/app/services';
import { readEnvironment } from '../core/config/environment';
import type { WindowOpener } from '../core/identity/consent';
import { bindIpc } from './ipcBinding';
import { installSecurityGuards } from './security';
import { createMainWindow, createSignInWindow, rendererOrigin } from './windows';

// One instance owns the tray and the loopback ports; a second one focuses the first and quits.
if (!app.requestSingleInstanceLock()) app.quit();

const environment = readEnvironment();
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
};

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || event.sender !== mainWindow.webContents || frame.parent) return false;
  const origin = rendererOrigin();
  return origin === 'file://' ? frame.url.startsWith('file://') : new URL(frame.url).origin === origin;
}

/** Trust the configured extra CA (the simulated cloud's) for exactly the certificates it issued. */
function trustExtraCa(): void {
  if (!environment.extraCa) return;
  const ca = new X509Certificate(environment.extraCa);
  app.on('certificate-error', (event, _contents, _url, _error, certificate, callback) => {
    try {
      if (new X509Certificate(certificate.data).checkIssued(ca)) {
        event.preventDefault();
        return callback(true);
      }
    } catch {
      // fall through: not ours
    }
    callback(false);
  });
}

void app.whenReady().then(() => {
  installSecurityGuards({ signInHosts: () => [...signInHosts], loginHost: environment.cloud.loginHost });
  trustExtraCa();
  const services = createServices(environment, { opener });
  bindIpc(createHandlers(services), isTrustedSender);
  mainWindow = createMainWindow();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
