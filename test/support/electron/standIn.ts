/**
 * A stand-in for the parts of Electron's main-process API SAM Desk uses, for tests on machines
 * without the Electron binary. It holds no logic of the app's: it records what the main process
 * does (windows and their options, IPC handlers, guards, tray, notifications, dialogs, clipboard)
 * and lets a test fire the events Electron would. Each piece implements a `Pick` of the real type
 * from the `electron` package's own .d.ts, so a method the real API lacks, or with another
 * signature, fails to compile here.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { preventable, StandInBrowserWindow, StandInSession, type WindowOptions } from './standInWindows';
import { StandInClipboard, StandInClipboardItem, StandInMenu, StandInNotification, StandInTray } from './standInShell';

type AppApi = 'requestSingleInstanceLock' | 'exit' | 'quit' | 'whenReady' | 'getAppPath' | 'getLoginItemSettings' | 'setLoginItemSettings';

export class StandInApp extends EventEmitter implements Pick<Electron.App, AppApi> {
  isPackaged = false;
  holdsSingleInstanceLock = true;
  exitCode: number | undefined;
  quitRequested = 0;
  loginItem: Electron.Settings = {};
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  requestSingleInstanceLock(): boolean {
    return this.holdsSingleInstanceLock;
  }

  exit(exitCode = 0): void {
    this.exitCode = exitCode;
  }

  quit(): void {
    this.quitRequested++;
    this.emit('before-quit', preventable());
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Electron's 'ready': resolves whenReady(). */
  becomeReady(): void {
    this.resolveReady();
    this.emit('ready');
  }

  getAppPath(): string {
    return process.cwd();
  }

  getLoginItemSettings(): Electron.LoginItemSettings {
    return { openAtLogin: !!this.loginItem.openAtLogin } as Electron.LoginItemSettings;
  }

  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = settings;
  }
}

type IpcHandler = (event: Electron.IpcMainInvokeEvent, ...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

export class StandInIpcMain implements Pick<Electron.IpcMain, 'handle'> {
  readonly handlers = new Map<string, IpcHandler>();
  /** Channels bound more than once (Electron throws on the second; the stand-in counts). */
  readonly duplicates: string[] = [];

  handle(channel: string, listener: IpcHandler): void {
    if (this.handlers.has(channel)) this.duplicates.push(channel);
    this.handlers.set(channel, listener);
  }
}

type ProtocolHandler = Parameters<Electron.Protocol['handle']>[1];

export class StandInProtocol implements Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: Electron.CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
}

/** One stand-in Electron per test: create it, load the main process against it, fire its events. */
export class ElectronStandIn {
  readonly windows: StandInBrowserWindow[] = [];
  readonly trays: StandInTray[] = [];
  readonly notifications: StandInNotification[] = [];
  readonly openedExternally: string[] = [];
  readonly dialogs: Electron.MessageBoxOptions[] = [];
  /** What the next message box answers (the index of the button the user clicks). */
  dialogAnswer = 0;
  readonly app = new StandInApp();
  private readonly ipc = new StandInIpcMain();
  /** Every IPC channel the main process bound, with its handler. */
  readonly ipcHandlers = this.ipc.handlers;
  /** Channels bound more than once. */
  readonly ipcDuplicates = this.ipc.duplicates;
  readonly protocol = new StandInProtocol();
  readonly clipboard = new StandInClipboard();
  private readonly sessions = new Map<string, StandInSession>();

  readonly session = {
    defaultSession: new StandInSession(''),
    fromPartition: (partition: string): StandInSession => {
      let found = this.sessions.get(partition);
      if (!found) this.sessions.set(partition, (found = new StandInSession(partition)));
      return found;
    },
  };

  /** The object a test puts in place of the 'electron' module. */
  module(): Record<string, unknown> {
    const electron = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const BrowserWindow = class extends StandInBrowserWindow {
      constructor(options?: WindowOptions) {
        super(electron, options);
      }
      static getAllWindows() {
        return electron.windows.filter((window) => !window.destroyed);
      }
    };
    const Tray = class extends StandInTray {
      constructor(image: unknown) {
        super(electron, image);
      }
    };
    const Notification = class extends StandInNotification {
      constructor(options: Electron.NotificationConstructorOptions) {
        super(electron, options);
      }
      static isSupported() {
        return true;
      }
    };
    const shell: Pick<Electron.Shell, 'openExternal'> = {
      openExternal: async (url) => void electron.openedExternally.push(url),
    };
    const dialog: Pick<Electron.Dialog, 'showMessageBox'> = {
      showMessageBox: (async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as Electron.MessageBoxOptions;
        electron.dialogs.push(options);
        return { response: electron.dialogAnswer, checkboxChecked: false };
      }) as Electron.Dialog['showMessageBox'],
    };
    const nativeImage: Pick<typeof Electron.nativeImage, 'createFromPath'> = {
      createFromPath: (path: string) => ({ path }) as unknown as Electron.NativeImage,
    };
    const Menu = { buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => new StandInMenu(template) };
    return {
      app: this.app,
      BrowserWindow,
      ipcMain: this.ipc,
      protocol: this.protocol,
      session: this.session,
      Tray,
      Menu,
      Notification,
      shell,
      dialog,
      nativeImage,
      clipboard: this.clipboard,
      ClipboardItem: StandInClipboardItem,
    };
  }

  mainWindow(): StandInBrowserWindow | undefined {
    return this.windows.find((window) => window.webContents.session === this.session.defaultSession && !window.destroyed);
  }
}
