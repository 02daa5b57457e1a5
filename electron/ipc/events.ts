/** Events main pushes to the renderer. */
import type { ClipboardOutcome } from './app';

/** Events main pushes to the renderer. */
export interface EventPayloads {
  /** Open this URL in a window the user can see (browser harness only; Electron opens its own). */
  'window.open': { url: string };
  'window.close': Record<string, never>;
  /** A customer-list refresh is under way: `loaded` so far, `expected` = the last list's size, if known. */
  'tenants.progress': { profileId: string; loaded: number; expected?: number };
  /** An access check is under way: customer × resource cells done so far. */
  'accessCheck.progress': { profileId: string; checked: number; total: number; failed: number };
  /** A readiness check ("Check access") is under way: tasks (customer × resource, and GDAP roles) done so far. */
  'probes.progress': { profileId: string; checked: number; total: number; failed: number };
  /** The consent screen's check of every customer ('check'), or a grant for many ('grant'), is under way. */
  'customerConsent.progress': { profileId: string; phase: 'check' | 'grant'; done: number; total: number; consented?: number; failed?: number };
  /** Show this profile's countdown with renew / re-consent ready (a notification was clicked). */
  'profiles.focus': { profileId: string };
  /** Profiles changed in the background (automatic renewal); read them again. */
  'profiles.changed': Record<string, never>;
  /** A profile's vault copy changed state (pushed, adopted, failed); read keyVault.list again. */
  'keyVault.changed': { profileId: string };
  /** A scheduled clipboard clear ended (ClipboardCopy.id). */
  'clipboard.settled': { id: number; outcome: ClipboardOutcome };
}
export type EventName = keyof EventPayloads;
