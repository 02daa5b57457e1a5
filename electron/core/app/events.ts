import type { EventName, EventPayloads } from '../../ipc/events';

/**
 * Where main-process services send events for the renderer (progress bars), without knowing the
 * transport: Electron main sends them over IPC, the browser harness over its event stream.
 */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

/** For the CLI and tests that do not watch progress. */
export const noEvents: EventSink = { emit: () => undefined };
