import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files in SAMDESK_HOME that belong to one profile (metadata only, never secrets): its cached
 * customer list and its last access check. Removing a profile removes every one of them.
 */
export function profileFiles(home: string, profileId: string): { customers: string; accessCheck: string } {
  return {
    customers: join(home, `customers-${profileId}.json`),
    accessCheck: join(home, `access-check-${profileId}.json`),
  };
}

export async function removeProfileFiles(home: string, profileId: string): Promise<void> {
  for (const file of Object.values(profileFiles(home, profileId))) await rm(file, { force: true });
}
