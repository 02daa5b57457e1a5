/// <reference lib="dom" />
/**
 * Browser side of the harness: the same `window.samdesk` the Electron preload exposes, built by
 * the contract's `buildApi`, but carried over HTTP to the real main-process handlers.
 */
import { API_GLOBAL, buildApi, type Envelope } from '../../electron/ipc/api';
import { channelNames } from '../../electron/ipc/channels';
import type { EventName } from '../../electron/ipc/events';

declare global {
  interface Window {
    [API_GLOBAL]: unknown;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
// A popup opened inside the user's click, so browsers do not block it; the sign-in URL follows.
let pendingPopup: Window | null = null;

const events = new EventSource('/__samdesk/events');
events.onmessage = (message) => {
  const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: { url?: string } };
  if (event === 'window.open' && payload.url) {
    if (pendingPopup && !pendingPopup.closed) pendingPopup.location.href = payload.url;
    else pendingPopup = window.open(payload.url, 'samdesk-signin', 'popup,width=520,height=720');
  }
  if (event === 'window.close') {
    pendingPopup?.close();
    pendingPopup = null;
  }
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

/** The call failed before a sign-in page was shown: do not leave an empty popup behind. */
function closeUnusedPopup(): void {
  try {
    if (pendingPopup?.location.href === 'about:blank') pendingPopup.close();
  } catch {
    // Cross-origin: the popup shows a sign-in page, which is main's to close.
  }
}

/** Calls that may show a sign-in page, made inside the user's click. */
const signInChannels = new Set(['consent.start', 'keyVault.join']);

async function invoke(channel: string, input: unknown): Promise<Envelope> {
  if (signInChannels.has(channel)) pendingPopup = window.open('about:blank', 'samdesk-signin', 'popup,width=520,height=720');
  const response = await fetch(`/__samdesk/ipc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  const envelope = (await response.json()) as Envelope;
  if (signInChannels.has(channel)) closeUnusedPopup();
  return envelope;
}

window[API_GLOBAL] = buildApi(channelNames, invoke as never, (event, listener) => {
  const set = listeners.get(event) ?? new Set();
  set.add(listener);
  listeners.set(event, set);
  return () => set.delete(listener);
});
