import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StartupNotice } from '../../../ipc/app';
import { CorruptMetadataError, parseSetAsideName } from '../../profiles/versionedFile';
import type { HandlerGroup } from './types';
import { otherCloudNotice } from '../../profiles/cloudBinding';

export const appHandlers: HandlerGroup<'app.state'> = ({ environment, lifetimes, profiles: store, logger }, options) => {
  const startedAt = Date.now();
  const logged = new Set<string>();

  /**
   * Metadata files set aside as damaged since SAM Desk started. Whichever request read the file
   * first moved it (and got the error); the start screen reports it either way, on every load
   * of the window until SAM Desk restarts.
   */
  async function damagedFileNotices(): Promise<StartupNotice[]> {
    const names = await readdir(environment.home).catch(() => [] as string[]);
    return names
      .filter((name) => (parseSetAsideName(name)?.at.getTime() ?? -Infinity) >= startedAt)
      .map((name) => {
        const original = parseSetAsideName(name)!.original;
        if (!logged.has(name)) logger.error(`${original} was damaged and has been set aside as ${name}.`);
        logged.add(name);
        return {
          title: 'Your saved partner accounts could not be read',
          message: new CorruptMetadataError(join(environment.home, original), join(environment.home, name)).message,
          action: 'Connect your partner account again; the refresh tokens in the keychain were kept.',
        };
      });
  }

  return {
    'app.state': async () => {
      let profiles;
      try {
        profiles = await lifetimes.list();
      } catch (error) {
        if (!(error instanceof CorruptMetadataError)) throw error;
        // The damaged file has been moved aside; start with what is left rather than a blank window.
        profiles = await lifetimes.list();
      }
      const otherCloud = otherCloudNotice(await store.list(), environment.cloud);
      const notices = [...environment.notices, ...(otherCloud ? [otherCloud] : []), ...(await damagedFileNotices())];
      return {
        cloud: { name: environment.cloud.displayName, loginHost: environment.cloud.loginHost },
        profiles,
        suggestions: options.suggestions ?? {},
        ...(notices.length ? { notices } : {}),
      };
    },
  };
};
