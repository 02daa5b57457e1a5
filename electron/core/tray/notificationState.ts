import { join } from 'node:path';
import { z } from 'zod';
import { CorruptMetadataError, VersionedJsonFile } from '../profiles/versionedFile';
import { emptyNotificationState, type NotificationState } from './notificationPolicy';

const schema = z.object({
  profiles: z.record(
    z.string(),
    z.object({ issuance: z.string(), shown: z.array(z.enum(['warning', 'critical', 'expired', 'revoked'])) }),
  ),
});

/** notifications.json in SAMDESK_HOME: which threshold notices were already shown. */
export class NotificationStateFile {
  private readonly file: VersionedJsonFile<NotificationState>;

  constructor(home: string) {
    this.file = new VersionedJsonFile(join(home, 'notifications.json'), 1, schema, emptyNotificationState);
  }

  async read(): Promise<NotificationState> {
    try {
      return await this.file.read();
    } catch (error) {
      // Worst case after damage: a notice is shown once more.
      if (error instanceof CorruptMetadataError) return emptyNotificationState();
      throw error;
    }
  }

  write(state: NotificationState): Promise<void> {
    return this.file.write(state);
  }
}
