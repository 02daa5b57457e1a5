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

/** What a test sees of an event a guard may cancel. */
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventable<T extends object>(fields: T = {} as T): T & PreventableEvent {
  const event = { ...fields, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];
type CertificateVerifyProc = Parameters<Electron.Session['setCertificateVerifyProc']>[0];
type HeadersListener = Parameters<Electron.WebRequest['onHeadersReceived']>[0];

export class StandInSession implements Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setCertificateVerifyProc' | 'clearStorageData'> {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  certificateVerifyProc: CertificateVerifyProc = null;
  headersListener: HeadersListener | undefined;
  storageCleared = 0;
  readonly webRequest: Pick<Electron.WebRequest, 'onHeadersReceived'> = {
    onHeadersReceived: ((listener: HeadersListener) => {
      this.headersListener = listener;
    }) as Electron.WebRequest['onHeadersReceived'],
  };

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  setCertificateVerifyProc(proc: CertificateVerifyProc): void {
    this.certificateVerifyProc = proc;
  }

  async clearStorageData(): Promise<void> {
    this.storageCleared++;
  }
}

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];

export class StandInWebContents extends EventEmitter implements Pick<Electron.WebContents, 'send' | 'isLoading' | 'getURL' | 'setWindowOpenHandler' | 'isDestroyed'> {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | undefined;
  url = '';
  loading = false;

  constructor(readonly session: StandInSession) {
    super();
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isLoading(): boolean {
    return this.loading;
  }

  getURL(): string {
    return this.url;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return false;
  }
}

type WindowOptions = Electron.BrowserWindowConstructorOptions;
type WindowApi = 'loadURL' | 'show' | 'focus' | 'close' | 'isDestroyed' | 'isMinimized' | 'restore' | 'setTitle' | 'getTitle';

/** A BrowserWindow: records its options and what was done to it. */
export class StandInBrowserWindow extends EventEmitter implements Pick<Electron.BrowserWindow, WindowApi> {
  readonly webContents: StandInWebContents;
  readonly loadedUrls: string[] = [];
  shown = false;
  focused = 0;
  destroyed = false;
  title: string;

  constructor(
    readonly electron: ElectronStandIn,
    readonly options: WindowOptions = {},
  ) {
    super();
    const partition = options.webPreferences?.partition;
    this.webContents = new StandInWebContents(partition ? electron.session.fromPartition(partition) : electron.session.defaultSession);
    this.title = options.title ?? '';
    electron.windows.push(this);
    // Electron announces every new webContents to the app, before the page loads.
    electron.app.emit('web-contents-created', preventable(), this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
  }

  show(): void {
    this.shown = true;
  }

  focus(): void {
    this.focused++;
  }

  /** The app (or a test acting as the user) closes the window: 'closed' follows, as in Electron. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    if (this.electron.windows.every((window) => window.destroyed)) this.electron.app.emit('window-all-closed');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  setTitle(title: string): void {
    this.title = title;
  }

  getTitle(): string {
    return this.title;
  }
}

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

export class StandInTray extends EventEmitter implements Pick<Electron.Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'destroy'> {
  image: unknown;
  toolTip = '';
  menu: StandInMenu | null = null;
  destroyed = false;

  constructor(
    electron: ElectronStandIn,
    image: unknown,
  ) {
    super();
    this.image = image;
    electron.trays.push(this);
  }

  setImage(image: Electron.NativeImage | string): void {
    this.image = image;
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setContextMenu(menu: Electron.Menu | null): void {
    this.menu = menu as unknown as StandInMenu | null;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** Menu.buildFromTemplate keeps the template, so a test can read the items and click them. */
export class StandInMenu {
  constructor(readonly items: Electron.MenuItemConstructorOptions[]) {}

  /** Clicks the item with this label, as a user would in the tray's menu. */
  click(label: string): void {
    const item = this.items.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`The menu has no clickable item “${label}”: ${this.items.map((i) => i.label ?? i.type).join(', ')}`);
    if (item.enabled === false) throw new Error(`The menu item “${label}” is disabled.`);
    (item.click as () => void)();
  }
}

export class StandInNotification extends EventEmitter implements Pick<Electron.Notification, 'show'> {
  shown = false;

  constructor(
    electron: ElectronStandIn,
    readonly options: Electron.NotificationConstructorOptions,
  ) {
    super();
    electron.notifications.push(this);
  }

  show(): void {
    this.shown = true;
  }
}

/** Electron's ClipboardItem: the MIME types (and raw platform formats) of one clipboard entry. */
export class StandInClipboardItem implements Pick<Electron.ClipboardItem, 'types'> {
  constructor(readonly items: Record<string, string | Blob>) {}

  get types(): string[] {
    return Object.keys(this.items);
  }
}

/** The system clipboard: what the last write() put there, every format of it. */
export class StandInClipboard implements Pick<Electron.Clipboard, 'write' | 'readText' | 'clear'> {
  contents: Record<string, string | Blob> = {};

  async write(data: Electron.ClipboardItem[]): Promise<void> {
    this.contents = Object.assign({}, ...data.map((item) => (item as unknown as StandInClipboardItem).items));
  }

  async readText(): Promise<string> {
    const text = this.contents['text/plain'];
    return typeof text === 'string' ? text : ((await text?.text()) ?? '');
  }

  clear(): void {
    this.contents = {};
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
