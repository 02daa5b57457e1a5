import { join } from 'node:path';
import { z } from 'zod';
import type { ProfileSummary } from '../../ipc/contract';
import { VersionedJsonFile } from './versionedFile';

export const REFRESH_TOKEN_INACTIVITY_MS = 90 * 24 * 3600_000;

const profileRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  cloud: z.string(),
  partnerTenantId: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  user: z.string(),
  mfa: z.boolean(),
  issuedAt: z.string(),
  lastRedeemedAt: z.string(),
});
export type ProfileRecord = z.infer<typeof profileRecordSchema>;

/** Partner consents SAM Desk knows about: tenant, app, admin and timestamps. The tokens are in the keychain. */
export class ProfileStore {
  private readonly file: VersionedJsonFile<ProfileRecord[]>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(home: string) {
    this.file = new VersionedJsonFile(join(home, 'profiles.json'), 1, z.array(profileRecordSchema), () => []);
  }

  list(): Promise<ProfileRecord[]> {
    return this.file.read();
  }

  async get(id: string): Promise<ProfileRecord | undefined> {
    return (await this.list()).find((profile) => profile.id === id);
  }

  /** Read-modify-write, one at a time, so concurrent updates never drop each other. */
  update(change: (profiles: ProfileRecord[]) => ProfileRecord[]): Promise<ProfileRecord[]> {
    const next = this.queue.then(async () => {
      const profiles = change(await this.file.read());
      await this.file.write(profiles);
      return profiles;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  upsert(profile: ProfileRecord): Promise<ProfileRecord[]> {
    return this.update((profiles) => [...profiles.filter((existing) => existing.id !== profile.id), profile]);
  }
}

export function summarize(profile: ProfileRecord): ProfileSummary {
  const { hasClientSecret: _hasClientSecret, ...visible } = profile;
  return {
    ...visible,
    refreshTokenExpiresAt: new Date(Date.parse(profile.lastRedeemedAt) + REFRESH_TOKEN_INACTIVITY_MS).toISOString(),
  };
}
