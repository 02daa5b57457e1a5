import { app } from 'electron';

/** Applies the "start at login" setting (off by default). Linux has no such API in Electron; autostart files are the desktop's job there. */
export function applyStartAtLogin(enabled: boolean): void {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return;
  // Development runs (electron .) would register the bare Electron binary; only the installed app registers itself.
  if (!app.isPackaged) return;
  if (app.getLoginItemSettings().openAtLogin === enabled) return;
  app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
}
