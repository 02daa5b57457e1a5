import { join } from 'node:path';
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../ipc/settings';
import { CorruptMetadataError, VersionedJsonFile } from '../profiles/versionedFile';

export const defaultSettings: Readonly<Settings> = Object.freeze({
  warningDays: 14,
  criticalDays: 3,
  renewAfterDays: 7,
  autoRenew: true,
  startAtLogin: false,
  clipboardClearSeconds: 30,
  notifications: true,
});

/** A settings change that cannot be stored; the message says which value and why. */
export class InvalidSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSettingsError';
  }
}

// Fields missing from an older file take their defaults, so adding a setting needs no migration.
const storedSettingsSchema = z.preprocess(
  (stored) => (typeof stored === 'object' && stored !== null ? { ...defaultSettings, ...stored } : stored),
  settingsSchema,
);

/** Rules between fields, which the per-field schema cannot see. */
function settingsProblem(settings: Settings): string | undefined {
  if (settings.criticalDays >= settings.warningDays) {
    return `“Critical” (${settings.criticalDays} days) must start closer to expiry than “warning” (${settings.warningDays} days).`;
  }
  return undefined;
}

/** settings.json in SAMDESK_HOME: versioned, zod-validated, written atomically. */
export class SettingsStore {
  private readonly file: VersionedJsonFile<Settings>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(home: string) {
    this.file = new VersionedJsonFile(join(home, 'settings.json'), 1, storedSettingsSchema, () => ({
      ...defaultSettings,
    }));
  }

  async get(): Promise<Settings> {
    try {
      return await this.file.read();
    } catch (error) {
      // A damaged file has been moved aside (the error names where); defaults are a safe start.
      if (error instanceof CorruptMetadataError) return { ...defaultSettings };
      throw error;
    }
  }

  /** Applies a partial change; when the result is invalid nothing is written. */
  set(change: Partial<Settings>): Promise<Settings> {
    const next = this.queue.then(async () => {
      const parsed = settingsSchema.safeParse({ ...(await this.get()), ...change });
      if (!parsed.success) throw new InvalidSettingsError(parsed.error.issues.map((issue) => issue.message).join(' '));
      const problem = settingsProblem(parsed.data);
      if (problem) throw new InvalidSettingsError(problem);
      await this.file.write(parsed.data);
      return parsed.data;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
