/** The stand-in's desktop surfaces: tray, menus, notifications and the clipboard (see standIn.ts). */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import type { ElectronStandIn } from './standIn';

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
