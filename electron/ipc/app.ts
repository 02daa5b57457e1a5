/** What the window learns at start and of a copied snippet; never a secret. */
import type { ProfileSummary } from './profiles';

/**
 * How a scheduled clipboard clear ended: cleared; left alone because the user copied something
 * else since; superseded by a newer copy (which has its own schedule); or the clipboard was unreadable.
 */
export type ClipboardOutcome = 'cleared' | 'replaced' | 'superseded' | 'unreadable';

/** A secret main put on the clipboard and will clear at `clearsAt` (the 'clipboard.settled' event says how it went). */
export interface ClipboardCopy {
  id: number;
  clearsAt: string;
}

/** What the window learns of a snippet main put on the clipboard: never the snippet itself. */
export interface CopiedSnippet {
  /** The snippet with every secret replaced by a placeholder, safe to show on screen. */
  preview: string;
  /** When the embedded access tokens lapse; absent when nothing secret is embedded (script modes). */
  expiresAt?: string;
  /** Whether the copied snippet holds a token. */
  containsSecret: boolean;
  /** Its scheduled clear; absent when nothing secret is inside or the setting is 0 (never). */
  clear?: ClipboardCopy;
}

export interface AppState {
  cloud: { name: string; loginHost: string };
  profiles: ProfileSummary[];
  /** Values to pre-fill the connect form with (from settings or the demo); never secrets. */
  suggestions: { partnerTenant?: string; clientId?: string };
  /** Problems found at start that did not stop SAM Desk, e.g. a damaged metadata file set aside. */
  notices?: StartupNotice[];
}

export interface StartupNotice {
  title: string;
  message: string;
  action?: string;
}
