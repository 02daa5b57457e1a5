/**
 * Clipboard hygiene, in the main process. A snippet holding an access token, or a client secret,
 * is written marked as concealed and cleared after the user's setting (clipboardClearSeconds,
 * default 30; 0 = never) and when SAM Desk quits, but only if the clipboard still holds what SAM
 * Desk put there, so text the user copied since is never lost. It runs here, not in the window:
 * the renderer's navigator.clipboard is refused while the window is unfocused (the normal case
 * after switching to a terminal), and its timers die with the window.
 */
import type { ClipboardCopy, ClipboardOutcome } from '../../ipc/app';

/** The operating system's clipboard: Electron's in the app, the desktop's own in the browser harness. */
export interface SystemClipboard {
  /** `concealed`: kept out of clipboard history, cloud clipboard sync and clipboard managers, where the OS has a way. */
  write(text: string, options: { concealed: boolean }): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

/** What was asked to be copied is not there (any more). */
export class NothingToCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToCopyError';
  }
}

/** Where there is no clipboard (the command line prints instead). */
export const noClipboard: SystemClipboard = {
  write: () => Promise.reject(new Error('There is no clipboard here.')),
  readText: () => Promise.reject(new Error('There is no clipboard here.')),
  clear: () => Promise.resolve(),
};

export interface ClipboardTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ClipboardTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Pending {
  id: number;
  text: string;
  timer: unknown;
}

/**
 * Copies and clears run one at a time, so a clear that found its own text never wipes a newer copy
 * that landed between its read and its clear.
 */
export class ClipboardKeeper {
  private pending: Pending | undefined;
  private copies = 0;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clipboard: SystemClipboard,
    /** Told how each scheduled clear ended (the window shows it). */
    private readonly onSettled: (id: number, outcome: ClipboardOutcome) => void = () => undefined,
    private readonly timers: ClipboardTimers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Copies `text`; a secret is marked concealed and, when `clearAfterSeconds` > 0, cleared later.
   * A newer copy replaces an older schedule (the older text is no longer on the clipboard anyway).
   * Returns the scheduled clear, if there is one.
   */
  copy(text: string, options: { secret: boolean; clearAfterSeconds: number }): Promise<ClipboardCopy | undefined> {
    return this.inTurn(async () => {
      // A failed write leaves the older copy on the clipboard, and its clear still due.
      await this.clipboard.write(text, { concealed: options.secret });
      this.supersede();
      const id = ++this.copies;
      if (!options.secret || options.clearAfterSeconds <= 0) return undefined;
      const pending: Pending = { id, text, timer: undefined };
      pending.timer = this.timers.setTimeout(() => void this.inTurn(() => this.clearIfOurs(pending)), options.clearAfterSeconds * 1000);
      this.pending = pending;
      return { id, clearsAt: new Date(this.now() + options.clearAfterSeconds * 1000).toISOString() };
    });
  }

  /** Clears now what is still ours (SAM Desk is quitting): a token never outlives the app on the clipboard. */
  clearNow(): Promise<void> {
    return this.inTurn(async () => {
      const pending = this.pending;
      if (!pending) return;
      this.timers.clearTimeout(pending.timer);
      await this.clearIfOurs(pending);
    });
  }

  /** Whether a secret SAM Desk copied may still be on the clipboard. */
  get holdsSecret(): boolean {
    return this.pending !== undefined;
  }

  private supersede(): void {
    const pending = this.pending;
    if (!pending) return;
    this.timers.clearTimeout(pending.timer);
    this.pending = undefined;
    this.onSettled(pending.id, 'superseded');
  }

  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    const next = this.turn.then(step);
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async clearIfOurs(pending: Pending): Promise<void> {
    if (this.pending !== pending) return;
    this.pending = undefined;
    let outcome: ClipboardOutcome;
    try {
      const current = await this.clipboard.readText();
      if (current !== pending.text) outcome = 'replaced';
      else {
        await this.clipboard.clear();
        outcome = 'cleared';
      }
    } catch {
      outcome = 'unreadable';
    }
    pending.text = ''; // the token is kept no longer than needed
    this.onSettled(pending.id, outcome);
  }
}
