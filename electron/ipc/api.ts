/** The renderer-facing API: `api.consent.start(...)`-style functions over a transport. The preload and the browser harness both build it from `channelNames`. */
import type { Channel, ChannelInput, ChannelResult } from './channels';
import type { UserFacingError } from './errors';
import type { EventName, EventPayloads } from './events';

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, Tail] : never;
type Namespaces = Split<Channel>[0];
type MethodsOf<N extends string> = {
  [C in Channel as Split<C>[0] extends N ? Split<C>[1] : never]: undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<ChannelResult<C>>
    : (input: ChannelInput<C>) => Promise<ChannelResult<C>>;
};
export type SamDeskApi = { [N in Namespaces]: MethodsOf<N> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** What crosses the boundary: errors travel as data, so the renderer gets the plain-language text. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: UserFacingError };
export type Invoke = (channel: Channel, input: unknown) => Promise<Envelope>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `api.consent.start(...)`-style domain functions over a transport (Electron IPC in the
 * preload, HTTP in the browser harness); a failed call rejects with a UserFacingError.
 */
export function buildApi(names: readonly string[], invoke: Invoke, subscribe: Subscribe): SamDeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const [namespace, method] = name.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = async (input?: unknown) => {
      const envelope = await invoke(name as Channel, input);
      if (envelope.ok) return envelope.value;
      throw envelope.error;
    };
  }
  return Object.freeze({ ...api, on: subscribe }) as unknown as SamDeskApi;
}

export const API_GLOBAL = 'samdesk';
/** Prefix of every Electron IPC channel name; events travel on `${IPC_PREFIX}event`. */
export const IPC_PREFIX = 'samdesk:';
