/**
 * Clipboard hygiene for snippets that hold an access token: after the user's setting
 * (clipboardClearSeconds, default 30; 0 = never) the clipboard is emptied — but only if it still
 * holds what SAM Desk put there, so text the user copied since is never lost. Runs in the renderer
 * through navigator.clipboard, the one mechanism that works both in Electron and in the browser
 * harness.
 */
export interface ClipboardAccess {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * How a scheduled clear ended: cleared; left alone because the user copied something else;
 * superseded by a newer snippet copy (which has its own schedule); or the clipboard was unreadable.
 */
export type ClearOutcome = 'cleared' | 'replaced' | 'superseded' | 'unreadable';

export interface ScheduledClear {
  /** When the clipboard will be checked and cleared, in ms since the epoch. */
  clearsAt: number;
  /** Resolves once the clear has been attempted, or with 'superseded' when cancelled. */
  done: Promise<ClearOutcome>;
  cancel(): void;
}

/** Returns a new scheduler; the module-level one below serves the app. */
export function createClipboardGuard(clipboard: () => ClipboardAccess, timers: Timers, now: () => number = Date.now) {
  let pending: { cancel(): void } | undefined;

  async function clearIfStillOurs(copied: string, cancelled: () => boolean): Promise<ClearOutcome> {
    let current: string;
    try {
      current = await clipboard().readText();
    } catch {
      return 'unreadable';
    }
    // A newer copy may have landed while the clipboard was being read.
    if (cancelled()) return 'superseded';
    if (current !== copied) return 'replaced';
    try {
      await clipboard().writeText('');
      return 'cleared';
    } catch {
      return 'unreadable';
    }
  }

  return {
    /**
     * Copies `text` and, when `clearAfterSeconds` > 0, schedules the clear. A newer copy replaces
     * an older schedule (the older text is no longer on the clipboard anyway).
     */
    async copy(text: string, clearAfterSeconds: number): Promise<ScheduledClear | undefined> {
      pending?.cancel();
      pending = undefined;
      await clipboard().writeText(text);
      if (clearAfterSeconds <= 0) return undefined;
      let settle!: (outcome: ClearOutcome) => void;
      const done = new Promise<ClearOutcome>((resolve) => (settle = resolve));
      let copied: string | undefined = text;
      let cancelled = false;
      const handle = timers.setTimeout(() => {
        const ours = copied!;
        copied = undefined; // keep the token no longer than needed
        void clearIfStillOurs(ours, () => cancelled).then(settle);
      }, clearAfterSeconds * 1000);
      const scheduled: ScheduledClear = {
        clearsAt: now() + clearAfterSeconds * 1000,
        done,
        cancel() {
          cancelled = true;
          timers.clearTimeout(handle);
          copied = undefined;
          settle('superseded');
        },
      };
      pending = scheduled;
      return scheduled;
    },
  };
}

export const clipboardGuard = createClipboardGuard(() => navigator.clipboard, {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
});
