import { contract, type Channel, type Envelope } from '../../ipc/contract';
import type { Handlers } from './handlers';
import { toUserFacingError } from './userFacingError';

/**
 * The single entry for every IPC call, whatever the transport: unknown channels are refused,
 * input is validated against the contract's zod schema before any handler runs, and failures
 * come back as plain-language errors.
 */
export async function dispatch(handlers: Handlers, channel: string, input: unknown): Promise<Envelope> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { kind: 'invalid-input', message: `Unknown request “${channel.slice(0, 60)}”.` } };
  }
  const parsed = contract[channel as Channel].input.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join(' ');
    return { ok: false, error: { kind: 'invalid-input', message } };
  }
  try {
    const handler = handlers[channel as Channel] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toUserFacingError(error) };
  }
}
