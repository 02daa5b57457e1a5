import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files in SAMDESK_HOME that belong to one profile (metadata only, never secrets): its cached
 * customer list and that list's first screen, its last access check and its readiness results.
 * Every service names its file here, so removing a profile removes every one of them.
 */
export function profileFiles(home: string, profileId: string) {
  return {
    customers: join(home, `customers-${profileId}.json`),
    customersFirstScreen: join(home, `customers-${profileId}.first.json`),
    accessCheck: join(home, `access-check-${profileId}.json`),
    probes: join(home, `probes-${profileId}.json`),
  };
}

export async function removeProfileFiles(home: string, profileId: string): Promise<void> {
  for (const file of Object.values(profileFiles(home, profileId))) await rm(file, { force: true });
}
