import type { SamDeskApi } from '../../electron/ipc/contract';

declare global {
  interface Window {
    /** The typed API the preload (or the browser harness) exposes; see electron/ipc/contract.ts. */
    readonly samdesk: SamDeskApi;
  }
}

export {};
