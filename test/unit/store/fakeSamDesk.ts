/**
 * The store's tests talk to a fake `window.samdesk`: each test hands in only the calls it expects,
 * typed by the contract; any other call rejects, so a slice that calls something unexpected fails
 * the test instead of passing quietly.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import type { SamDeskApi } from '../../../electron/ipc/api';
import type { UserFacingError } from '../../../electron/ipc/errors';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
import { resetStore, useSamDeskStore } from '../../../renderer/src/store';

type Namespace = Exclude<keyof SamDeskApi, 'on'>;
export type FakeSamDesk = { [N in Namespace]?: Partial<SamDeskApi[N]> };

/** Installs the fake as `window.samdesk` (only the given calls answer). */
export function installSamDesk(fakes: FakeSamDesk): void {
  const api = new Proxy({} as SamDeskApi, {
    get: (_target, namespace: string) =>
      new Proxy(
        {},
        {
          get: (_inner, method: string) =>
            (fakes as Record<string, Record<string, unknown> | undefined>)[namespace]?.[method] ??
            (() => Promise.reject(new Error(`unexpected call: samdesk.${namespace}.${method}`))),
        },
      ),
  });
  vi.stubGlobal('window', { samdesk: api });
}

/** Each test starts from the store's start-up state and no window API. */
export function useFreshStore(): void {
  beforeEach(() => {
    installSamDesk({});
    resetStore();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

export const store = () => useSamDeskStore.getState();

/** An error as main sends it across the boundary. */
export function refusal(message: string, kind: UserFacingError['kind'] = 'microsoft'): UserFacingError {
  return { kind, message, action: 'Try again.' };
}

/** A call that answers only when the test says so, to look at the state while it is under way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function profile(id: string, change: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    id,
    name: `Profile ${id}`,
    cloud: 'global',
    partnerTenantId: `00000000-0000-4000-8000-00000000000${id.length}`,
    clientId: '11111111-1111-4111-8111-111111111111',
    user: `admin-${id}@partner.example`,
    mfa: true,
    issuedAt: '2026-01-01T00:00:00.000Z',
    lastRedeemedAt: '2026-01-01T00:00:00.000Z',
    refreshTokenExpiresAt: '2026-04-01T00:00:00.000Z',
    level: 'healthy',
    expiresAt: '2026-04-01T00:00:00.000Z',
    hasRefreshToken: true,
    ...change,
  };
}
