import type { RenewalResult } from '../../ipc/profiles';
import { exitCodeFor, pickProfile, type CliCommand } from '../context';
import { describeLifetime } from './profiles';

/**
 * `samdesk renew [--profile NAME] [--json]`: redeems the refresh token(s) now so the 90-day clock
 * starts again. Meant for a scheduler (see README); exits non-zero when any renewal failed, with
 * one line per failure on stderr.
 */
export const renewCommand: CliCommand = {
  name: 'renew',
  summary: 'Renew refresh tokens now (all profiles, or --profile NAME) so they do not lapse.',
  async run({ services, profile, print, stderr }) {
    let results: RenewalResult[];
    if (profile) {
      results = [await services.renewal.renew(await pickProfile(services, profile))];
    } else {
      if ((await services.profiles.list()).length === 0) {
        stderr.write('samdesk: No profiles yet. Connect a partner account in SAM Desk first.\n');
        return exitCodeFor({ kind: 'not-found', message: '' });
      }
      results = await services.renewal.renewAll();
    }
    const now = new Date();
    print(
      results,
      results.map((r) => `${r.profile.name}\t${r.renewed ? 'renewed' : 'FAILED'}\t${describeLifetime(r.profile, now)}`).join('\n'),
    );
    const failures = results.filter((r) => r.error);
    for (const { profile: failed, error } of failures) {
      stderr.write(`samdesk: renewing “${failed.name}” failed: ${error!.message}${error!.action ? ` ${error!.action}` : ''}${error!.code ? ` (${error!.code})` : ''}\n`);
    }
    return failures.length === 0 ? 0 : Math.max(...failures.map((f) => exitCodeFor(f.error!)));
  },
};
