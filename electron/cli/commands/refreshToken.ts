import { vaultAccounts } from '../../core/vault/secretVault';
import { NotConsentedError } from '../../core/identity/refreshTokens';
import { vaultSecretNames } from '../../core/snippets/vaultScript';
import { pickProfile, UsageError, type CliCommand } from '../context';

/**
 * The one way the refresh token leaves the keychain: typed on purpose (--reveal), for moving it into
 * a vault that scheduled scripts read (the script-mode snippets), with a warning on stderr.
 */
export const refreshTokenCommand: CliCommand = {
  name: 'refresh-token',
  summary: 'Print the stored refresh token (needs --reveal), to move it into a vault for scheduled scripts.',
  options: { reveal: { type: 'boolean', default: false } },
  async run({ services, values, profile, print, stderr }) {
    if (values.reveal !== true) {
      throw new UsageError(
        `This prints a secret. Run samdesk refresh-token --reveal, e.g. Set-Secret -Name ${vaultSecretNames.refreshToken} -Secret (samdesk refresh-token --reveal).`,
      );
    }
    const profileId = await pickProfile(services, profile);
    const record = await services.keeper.profile(profileId);
    const refreshToken = await services.vault.get(vaultAccounts.refreshToken(record.id));
    if (!refreshToken) throw new NotConsentedError(record.name);
    stderr.write(
      `samdesk: warning: this refresh token acts as ${record.user} in every customer tenant until it lapses. ` +
        'Put it straight into a vault; do not save it in a file or paste it into a chat.\n',
    );
    print({ refreshToken, profile: record.name, user: record.user }, refreshToken);
    return 0;
  },
};
