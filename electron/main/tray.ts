import { app, BrowserWindow, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Settings } from '../ipc/settings';
import type { Services } from '../core/app/services';
import { noticesDue } from '../core/tray/notificationPolicy';
import { NotificationStateFile } from '../core/tray/notificationState';
import { trayModel, type TrayIcon, type TrayModel } from '../core/tray/trayModel';
import { emit } from './ipcBinding';
import { applyStartAtLogin } from './loginItem';
import { showNotice } from './notifications';

/** Countdowns move by the minute; the tray follows at that pace. */
const TICK_MS = 60_000;

export interface LifetimeWatch {
  /** Re-reads profiles and settings now (after a renewal or a settings change). */
  refresh(): Promise<void>;
  /** Shows the main window (creating it again if it was closed), optionally on one profile. */
  openApp(profileId?: string): void;
  settingsChanged(settings: Settings): void;
  stop(): void;
}

/**
 * The tray (icon, tooltip and menu drawn from the pure tray model), threshold notifications and
 * automatic renewal. Thin glue: the decisions are in core/tray and core/renewal.
 */
export function startLifetimeWatch(options: { services: Services; mainWindow: () => BrowserWindow | undefined; createMainWindow: () => BrowserWindow }): LifetimeWatch {
  const { services } = options;
  const notificationState = new NotificationStateFile(services.environment.home);
  const tray = new Tray(icon('healthy'));
  tray.on('click', () => openApp());

  function openApp(profileId?: string): void {
    let window = options.mainWindow();
    if (!window || window.isDestroyed()) window = options.createMainWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (!profileId) return;
    const target = window;
    const focus = () => emit(target.webContents, 'profiles.focus', { profileId });
    if (target.webContents.isLoading()) target.webContents.once('did-finish-load', focus);
    else focus();
  }

  function tellRenderer(): void {
    const window = options.mainWindow();
    if (window && !window.isDestroyed()) emit(window.webContents, 'profiles.changed', {});
  }

  async function renewAll(): Promise<void> {
    await services.renewal.renewAll();
    tellRenderer();
    await refresh();
  }

  async function refresh(): Promise<void> {
    const [profiles, settings] = await Promise.all([services.lifetimes.list(), services.settings.get()]);
    const now = new Date();
    draw(trayModel(profiles, now, settings));
    const { notices, state } = noticesDue(profiles, now, settings, await notificationState.read());
    await notificationState.write(state);
    if (settings.notifications) for (const notice of notices) showNotice(notice, openApp);
  }

  function draw(model: TrayModel): void {
    tray.setImage(icon(model.icon));
    tray.setToolTip(model.tooltip);
    const items: MenuItemConstructorOptions[] = model.menu.map((item) => {
      switch (item.kind) {
        case 'open':
          return { label: item.label, click: () => openApp() };
        case 'renew-all':
          return { label: item.label, enabled: item.enabled, click: () => void renewAll() };
        case 'profile':
          return { label: item.label, click: () => openApp(item.profileId) };
        case 'separator':
          return { type: 'separator' };
        case 'quit':
          return { label: item.label, click: () => app.quit() };
      }
    });
    tray.setContextMenu(Menu.buildFromTemplate(items));
  }

  const scheduler = services.renewalScheduler;
  const ticker = setInterval(() => void refresh().catch(() => undefined), TICK_MS);
  void services.settings.get().then((settings) => applyStartAtLogin(settings.startAtLogin));
  void refresh().catch(() => undefined);
  void scheduler.start(() => {
    tellRenderer();
    void refresh();
  });

  return {
    refresh,
    openApp,
    settingsChanged(settings) {
      applyStartAtLogin(settings.startAtLogin);
      void refresh().catch(() => undefined);
    },
    stop() {
      scheduler.stop();
      clearInterval(ticker);
      tray.destroy();
    },
  };
}

/** Packaged: resources/tray (electron-builder extraResources); development: build/tray. The @2x files are picked up by name. */
function icon(level: TrayIcon) {
  const folder = app.isPackaged ? join(process.resourcesPath, 'tray') : join(app.getAppPath(), 'build', 'tray');
  return nativeImage.createFromPath(join(folder, `tray-${level}.png`));
}
