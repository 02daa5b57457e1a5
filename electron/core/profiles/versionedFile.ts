import { rename } from 'node:fs/promises';
import type { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from './atomicFile';

/** The metadata file could not be read; it was moved aside so nothing is silently reset. */
export class CorruptMetadataError extends Error {
  constructor(
    readonly path: string,
    readonly setAsideAs: string,
  ) {
    super(`${path} was damaged and has been moved to ${setAsideAs}. Your keychain entries are untouched.`);
    this.name = 'CorruptMetadataError';
  }
}

/** `profiles.json` set aside at 2026-11-01T08:00:00.000Z → `profiles.json.corrupt-2026-11-01T08-00-00-000Z`. */
function setAsideName(path: string, at: Date): string {
  return `${path}.corrupt-${at.toISOString().replace(/[:.]/g, '-')}`;
}

/** The file a set-aside name came from and when it was set aside; undefined for any other name. */
export function parseSetAsideName(name: string): { original: string; at: Date } | undefined {
  const stamp = /^(.+)\.corrupt-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(name);
  if (!stamp) return undefined;
  const [, original, day, hours, minutes, seconds, millis] = stamp;
  return { original: original!, at: new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`) };
}

/**
 * A JSON file with a schema version, written atomically. Holds metadata only, never secrets.
 * A damaged file is set aside; a file of another schema version is set aside too, unless it is a
 * cache (`otherVersion: 'discard'`): then it reads as empty and the next write replaces it.
 */
export class VersionedJsonFile<T> {
  constructor(
    private readonly path: string,
    private readonly schemaVersion: number,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
    private readonly otherVersion: 'set-aside' | 'discard' = 'set-aside',
  ) {}

  async read(): Promise<T> {
    const text = await readFileIfExists(this.path);
    if (text === undefined) return this.empty();
    let parsed: { schemaVersion?: unknown; data?: unknown } | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const otherVersion = typeof parsed?.schemaVersion === 'number' && parsed.schemaVersion !== this.schemaVersion;
    if (otherVersion && this.otherVersion === 'discard') return this.empty();
    const data = parsed?.schemaVersion === this.schemaVersion ? this.schema.safeParse(parsed.data) : undefined;
    if (!data?.success) {
      const aside = setAsideName(this.path, new Date());
      await rename(this.path, aside);
      throw new CorruptMetadataError(this.path, aside);
    }
    return data.data;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify({ schemaVersion: this.schemaVersion, data }, null, 2)}\n`);
  }
}
