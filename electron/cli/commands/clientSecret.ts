import { vaultAccounts } from '../../core/vault/secretVault';
import { vaultSecretNames } from '../../core/snippets/vaultScript';
import { pickProfile, UsageError, type CliCommand } from '../context';

/**
 * The SAM app's client secret, out of the keychain on purpose (--reveal), for the vault that the
 * script-mode snippets read it from (`Set-Secret -Name SAMDesk-ClientSecret`), as refresh-token does for the token.
 */
export const clientSecretCommand: CliCommand = {
  name: 'client-secret',
  summary: "Print the SAM app's stored client secret (needs --reveal), to move it into a vault for scheduled scripts.",
  options: { reveal: { type: 'boolean', default: false } },
  async run({ services, values, profile, print, stderr }) {
    if (values.reveal !== true) {
      throw new UsageError(
        `This prints a secret. Run samdesk client-secret --reveal, e.g. Set-Secret -Name ${vaultSecretNames.clientSecret} -Secret (samdesk client-secret --reveal).`,
      );
    }
    const profileId = await pickProfile(services, profile);
    const record = await services.keeper.profile(profileId);
    const clientSecret = record.hasClientSecret ? await services.vault.get(vaultAccounts.clientSecret(record.id)) : null;
    if (!clientSecret) {
      throw new UsageError(
        `“${record.name}” signs in as a public client and keeps no client secret: its scripts need none.`,
      );
    }
    stderr.write(`samdesk: warning: this is the client secret of the SAM app ${record.clientId}. Put it straight into a vault; do not save it in a file.\n`);
    print({ clientSecret, profile: record.name, applicationId: record.clientId }, clientSecret);
    return 0;
  },
};
