/**
 * Shape limits every IPC payload must meet before its schema is even tried: the renderer is
 * treated as hostile (a compromised page can send anything structured clone can carry, cycles
 * included). Checked by walking, never by JSON.stringify, which a cycle or a getter could break.
 */
export const payloadLimits = {
  depth: 8,
  /** Values in total (objects, arrays and leaves). customerConsent.grant may carry 50,000 ids. */
  values: 60_000,
  stringLength: 64 * 1024,
  /** Keys that would reach Object.prototype if some code ever merged the payload into an object. */
  forbiddenKeys: ['__proto__', 'constructor', 'prototype'] as readonly string[],
};

/** Why a payload is refused, in words for the error bar; undefined when its shape is acceptable. */
export function hostilePayloadProblem(input: unknown): string | undefined {
  let values = 0;
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): string | undefined => {
    if (++values > payloadLimits.values) return 'The request is too large.';
    if (typeof value === 'string') return value.length > payloadLimits.stringLength ? 'A text value in the request is too long.' : undefined;
    if (value === null || typeof value !== 'object') {
      return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
        ? 'The request holds a value of an unsupported kind.'
        : undefined;
    }
    if (depth >= payloadLimits.depth) return 'The request is nested too deeply.';
    if (seen.has(value)) return 'The request refers to itself.';
    seen.add(value);
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) {
      return 'The request holds a value of an unsupported kind.';
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'symbol' || payloadLimits.forbiddenKeys.includes(key)) return `The request has a field that is not allowed (“${String(key).slice(0, 40)}”).`;
      const problem = visit((value as Record<string, unknown>)[key], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(input, 0);
}

/** Top-level fields the schema did not keep (zod strips unknown keys): a renderer sending them is confused or hostile. */
export function unexpectedFields(input: unknown, parsed: unknown): string[] {
  if (!isPlainObject(input) || !isPlainObject(parsed)) return [];
  return Object.keys(input).filter((key) => !Object.hasOwn(parsed, key));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
