import type { SamDeskApi } from '../../electron/ipc/api';

declare global {
  interface Window {
    /** The typed API the preload (or the browser harness) exposes; see electron/ipc/api.ts (built from electron/ipc/channels.ts). */
    readonly samdesk: SamDeskApi;
  }
}

export {};
