import { summarize } from '../../core/profiles/profileStore';
import type { CliCommand } from '../context';

export const profilesCommand: CliCommand = {
  name: 'profiles',
  summary: 'List stored partner consents and when their refresh tokens lapse.',
  async run({ services, print }) {
    const profiles = (await services.profiles.list()).map(summarize);
    print(
      profiles,
      profiles.length === 0
        ? 'No profiles yet. Connect a partner account in SAM Desk first.'
        : profiles.map((p) => `${p.name}\t${p.user}\t${p.partnerTenantId}\trefresh token lapses ${p.refreshTokenExpiresAt}`).join('\n'),
    );
    return 0;
  },
};
