import { join } from 'node:path';
import { z } from 'zod';
import { VersionedJsonFile } from '../profiles/versionedFile';
import { withFileLock } from '../vault/fileLock';

const failureSchema = z.object({
  summary: z.string(),
  message: z.string(),
  action: z.string().optional(),
  code: z.string(),
  at: z.string(),
  attempts: z.number().int(),
  retry: z.enum(['soon', 'after-fix']),
  nextAttemptAt: z.string().optional(),
});

const recordSchema = z.object({
  profileId: z.string(),
  vaultUrl: z.string(),
  vaultName: z.string(),
  names: z.enum(['samdesk', 'cipp']),
  publishedAt: z.string(),
  /** A rotation (or the first publish) has not reached the vault yet. */
  pending: z.boolean(),
  lastPushedAt: z.string().optional(),
  lastAdoptedAt: z.string().optional(),
  lastCheckedAt: z.string().optional(),
  /** The refresh token's version SAM Desk wrote or adopted last: any other current version is someone else's. */
  knownVersion: z.string().optional(),
  currentVersion: z.object({ version: z.string(), createdAt: z.string(), bySamDesk: z.boolean() }).optional(),
  expiresAt: z.string().optional(),
  failure: failureSchema.optional(),
});

/** Where a profile is published and how its vault copy stands. Metadata only: no secret ever. */
export type PublicationRecord = z.infer<typeof recordSchema>;

/**
 * `SAMDESK_HOME/key-vault.json`, beside profiles.json: read-modify-write one at a time, queued in
 * this process and under a lock file across processes (the app and a scheduled `samdesk renew`).
 */
export class PublicationStore {
  private readonly file: VersionedJsonFile<PublicationRecord[]>;
  private readonly lockPath: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(home: string) {
    this.file = new VersionedJsonFile(join(home, 'key-vault.json'), 1, z.array(recordSchema), () => []);
    this.lockPath = join(home, 'key-vault.json.lock');
  }

  list(): Promise<PublicationRecord[]> {
    return this.file.read();
  }

  async get(profileId: string): Promise<PublicationRecord | undefined> {
    return (await this.list()).find((record) => record.profileId === profileId);
  }

  /** Changes one profile's record (`undefined` from `change` removes it); returns the result. */
  update(profileId: string, change: (record: PublicationRecord | undefined) => PublicationRecord | undefined): Promise<PublicationRecord | undefined> {
    const next = this.queue.then(() =>
      withFileLock(this.lockPath, async () => {
        const records = await this.file.read();
        const changed = change(records.find((record) => record.profileId === profileId));
        await this.file.write([...records.filter((record) => record.profileId !== profileId), ...(changed ? [changed] : [])]);
        return changed;
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  remove(profileId: string): Promise<unknown> {
    return this.update(profileId, () => undefined);
  }
}
