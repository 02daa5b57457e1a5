/** The stand-in's windows: each BrowserWindow, its webContents and its session, recording what main does to them (see standIn.ts). */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import type { ElectronStandIn } from './standIn';

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

export type WindowOptions = Electron.BrowserWindowConstructorOptions;
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
