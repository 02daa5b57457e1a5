import { formatTimeLeft } from '../../ipc/timeLeft';
import type { ProfileSummary } from '../../ipc/profiles';
import type { CliCommand } from '../context';

/** "warning  9 d 23 h left" / "revoked" — the same words as the tray. */
export function describeLifetime(profile: ProfileSummary, now: Date): string {
  if (profile.level === 'revoked') return 'revoked';
  if (profile.level === 'expired') return 'expired';
  return `${profile.level}, ${formatTimeLeft(Date.parse(profile.expiresAt) - now.getTime())} left`;
}

export const profilesCommand: CliCommand = {
  name: 'profiles',
  summary: 'List stored partner consents, most urgent first: level, time left, last redemption.',
  async run({ services, print }) {
    const profiles = await services.lifetimes.list();
    const now = new Date();
    print(
      profiles.map((profile) => ({ ...profile, timeLeftMs: Math.max(0, Date.parse(profile.expiresAt) - now.getTime()) })),
      profiles.length === 0
        ? 'No profiles yet. Connect a partner account in SAM Desk first.'
        : profiles
            .map((p) =>
              [
                p.name,
                p.user,
                p.partnerTenantId,
                describeLifetime(p, now),
                `lapses ${p.expiresAt}`,
                `last redeemed ${p.lastRedeemedAt}`,
                ...(p.lastError ? [`last renewal failed: ${p.lastError.message} (${p.lastError.code})`] : []),
              ].join('\t'),
            )
            .join('\n'),
    );
    return 0;
  },
};
