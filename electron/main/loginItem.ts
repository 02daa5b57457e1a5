import { app } from 'electron';

/** Applies the "start at login" setting (off by default). Linux has no such API in Electron; autostart files are the desktop's job there. */
export function applyStartAtLogin(enabled: boolean): void {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return;
  // Development runs (electron .) would register the bare Electron binary; only the installed app registers itself.
  if (!app.isPackaged) return;
  if (app.getLoginItemSettings().openAtLogin === enabled) return;
  // Started at login, SAM Desk opens in the tray only (Windows passes the flag; macOS reports wasOpenedAtLogin).
  app.setLoginItemSettings({ openAtLogin: enabled, args: [START_IN_TRAY_FLAG] });
}

const START_IN_TRAY_FLAG = '--start-in-tray';

/** Whether this start came from the login item, so the window stays closed until the tray is clicked. */
export function startedAtLogin(): boolean {
  return process.argv.includes(START_IN_TRAY_FLAG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
}
