import type { z } from 'zod';
import type { Envelope } from '../../ipc/api';
import { contract, type Channel } from '../../ipc/channels';
import type { Handlers } from './handlers/types';
import { hostilePayloadProblem, unexpectedFields } from './hostileInput';
import { toUserFacingError } from './userFacingError';

/**
 * The single entry for every IPC call, whatever the transport: unknown channels are refused, the
 * payload's shape is bounded (hostileInput.ts), input is validated against the contract's zod
 * schema with no unknown fields before any handler runs, and failures come back as
 * plain-language errors (Electron security checklist §17 and the zod validation it implies).
 */
export async function dispatch(handlers: Handlers, channel: string, input: unknown): Promise<Envelope> {
  if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
    return refuse(`Unknown request “${String(channel).slice(0, 60)}”.`);
  }
  const problem = hostilePayloadProblem(input);
  if (problem) return refuse(problem);
  const parsed = contract[channel as Channel].input.safeParse(input);
  if (!parsed.success) return refuse(describeIssues(parsed.error.issues));
  const unexpected = unexpectedFields(input, parsed.data);
  if (unexpected.length) return refuse(`The request has fields SAM Desk does not know: ${unexpected.slice(0, 5).map((key) => `“${key.slice(0, 40)}”`).join(', ')}.`);
  try {
    const handler = handlers[channel as Channel] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toUserFacingError(error) };
  }
}

function refuse(message: string): Envelope {
  return { ok: false, error: { kind: 'invalid-input', message } };
}

/** The contract's own messages where it has them; zod's generic type errors say which field. */
function describeIssues(issues: z.core.$ZodIssue[]): string {
  const messages = issues.slice(0, 5).map((issue) => {
    if (issue.code !== 'invalid_type' && issue.code !== 'unrecognized_keys') return issue.message;
    if (issue.code === 'unrecognized_keys') return 'The request has fields SAM Desk does not know.';
    if (!issue.path.length) return 'The request does not have the form SAM Desk expects.';
    return `“${issue.path.join('.')}” is missing or is not the right kind of value.`;
  });
  return [...new Set(messages)].join(' ');
}
