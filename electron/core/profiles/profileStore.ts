import { displayText } from '../../ipc/displayText';
import { join } from 'node:path';
import { z } from 'zod';
import { NO_REFRESH_TOKEN, type ProfileSummary } from '../../ipc/profiles';
import { VersionedJsonFile } from './versionedFile';
import { withFileLock } from '../vault/fileLock';
import { needsInteractiveSignIn } from '../identity/deadToken';
import { refreshTokenLifetime } from '../lifetime/lifetime';
import { defaultLevelThresholds, type LevelThresholds } from '../../ipc/timeLeft';

const profileRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  cloud: z.string(),
  // The hosts its tokens may go to, recorded at consent (cloudBinding.ts); older files lack it.
  boundTo: z.object({ loginHost: z.string(), apiHosts: z.array(z.string()) }).optional(),
  partnerTenantId: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  user: z.string(),
  mfa: z.boolean(),
  issuedAt: z.string(),
  lastRedeemedAt: z.string(),
  // Optional lifetime state (older files lack it): the last failed renewal and learned hard limits.
  lastRenewalFailure: z
    .object({ code: z.string(), at: z.string(), message: z.string(), action: z.string().optional() })
    .optional(),
  hardLimits: z.object({ spaRedirect: z.boolean().optional(), signInFrequencySeconds: z.number().optional() }).optional(),
});
export type ProfileRecord = z.infer<typeof profileRecordSchema>;

/** Partner consents SAM Desk knows about: tenant, app, admin and timestamps. The tokens are in the keychain. */
export class ProfileStore {
  private readonly file: VersionedJsonFile<ProfileRecord[]>;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly lockPath: string;

  constructor(home: string) {
    this.file = new VersionedJsonFile(join(home, 'profiles.json'), 1, z.array(profileRecordSchema), () => []);
    this.lockPath = join(home, 'profiles.json.lock');
  }

  list(): Promise<ProfileRecord[]> {
    return this.file.read();
  }

  async get(id: string): Promise<ProfileRecord | undefined> {
    return (await this.list()).find((profile) => profile.id === id);
  }

  /**
   * Read-modify-write, one at a time, so concurrent updates never drop each other: queued within
   * this process, and under a lock file across processes (the app and the CLI).
   */
  update(change: (profiles: ProfileRecord[]) => ProfileRecord[]): Promise<ProfileRecord[]> {
    const next = this.queue.then(() =>
      withFileLock(this.lockPath, async () => {
        const profiles = change(await this.file.read());
        await this.file.write(profiles);
        return profiles;
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  upsert(profile: ProfileRecord): Promise<ProfileRecord[]> {
    return this.update((profiles) => [...profiles.filter((existing) => existing.id !== profile.id), profile]);
  }
}

/**
 * What the renderer and the CLI see of a profile: no secrets, plus its countdown at `now`.
 * `hasRefreshToken` is what the keychain says (ProfileLifetimes looks): without a token the
 * profile is expired whatever its dates, so no countdown promises time it does not have.
 */
export function summarize(
  profile: ProfileRecord,
  now: Date = new Date(),
  thresholds: LevelThresholds = defaultLevelThresholds,
  { hasRefreshToken = true }: { hasRefreshToken?: boolean } = {},
): ProfileSummary {
  const { hasClientSecret: _hasClientSecret, lastRenewalFailure: _failure, hardLimits: _limits, boundTo: _boundTo, ...visible } = profile;
  const lifetime = refreshTokenLifetime(profile, now, thresholds);
  const lastError = hasRefreshToken
    ? lifetime.failure && { ...lifetime.failure, reconsent: needsInteractiveSignIn(lifetime.failure.code) }
    : {
        code: NO_REFRESH_TOKEN,
        at: now.toISOString(),
        message: 'No refresh token is stored in the keychain for this profile.',
        action: 'Sign in again (re-consent) to store a new one.',
        reconsent: true,
      };
  return {
    ...visible,
    // However it was stored, a name reaches the window, tray, notifications and terminal made safe.
    name: displayText(profile.name),
    refreshTokenExpiresAt: lifetime.inactivityExpiresAt.toISOString(),
    level: hasRefreshToken ? lifetime.level : 'expired',
    expiresAt: lifetime.expiresAt.toISOString(),
    hasRefreshToken,
    ...(lastError ? { lastError } : {}),
  };
}
