import { formatTime } from '../../ipc/dateTime';
import { applicationIdSchema, profileNameSchema, tenantRefSchema } from '../../ipc/schemas';
import { pickProfile, UsageError, type CliCommand, type CliContext } from '../context';

/** The SAM app to consent to: an existing profile's, or --tenant and --client-id for a new one. */
async function target(context: CliContext): Promise<{ partnerTenant: string; clientId: string; profileName?: string }> {
  const { services, values, profile } = context;
  if (profile) {
    const found = await services.profiles.get(await pickProfile(services, profile));
    return { partnerTenant: found!.partnerTenantId, clientId: found!.clientId, profileName: found!.name };
  }
  if (typeof values.tenant !== 'string' || typeof values['client-id'] !== 'string') {
    throw new UsageError('Name an existing profile with --profile, or a new one with --tenant TENANT --client-id APP_ID.');
  }
  const partnerTenant = tenantRefSchema.safeParse(values.tenant);
  if (!partnerTenant.success) throw new UsageError(partnerTenant.error.issues[0]!.message);
  const clientId = applicationIdSchema.safeParse(values['client-id']);
  if (!clientId.success) throw new UsageError(clientId.error.issues[0]!.message);
  const profileName = typeof values.name === 'string' ? profileNameSchema.safeParse(values.name) : undefined;
  if (profileName && !profileName.success) throw new UsageError(profileName.error.issues[0]!.message);
  return { partnerTenant: partnerTenant.data, clientId: clientId.data, profileName: profileName?.data };
}

export const consentCommand: CliCommand = {
  name: 'consent',
  summary: 'Sign in by device code and store the refresh token (--device-code, --profile NAME or --tenant T --client-id ID).',
  options: {
    'device-code': { type: 'boolean', default: false },
    tenant: { type: 'string' },
    'client-id': { type: 'string' },
    name: { type: 'string' },
  },
  async run(context) {
    if (context.values['device-code'] !== true) {
      throw new UsageError('The command line signs in by device code: add --device-code. The app offers the browser sign-in.');
    }
    const { services, json, print } = context;
    const prompt = await services.deviceCodes.start({ kind: 'sam', ...(await target(context)) });
    // The instructions go to stderr under --json so stdout stays one JSON document.
    const say = (text: string) => (json ? context.stderr : context.stdout).write(`${text}\n`);
    say(`To sign in, open ${prompt.verificationUri} and enter the code ${prompt.userCode}`);
    say(`The code works until ${formatTime(prompt.expiresAt, { zone: true })}. Waiting for you to sign in… (Ctrl+C cancels)`);
    const cancel = () => services.deviceCodes.cancel();
    process.once('SIGINT', cancel);
    try {
      const outcome = await services.deviceCodes.wait();
      // A new refresh token: a published profile's vault copy follows before the command exits.
      services.keyVault.sync.rotated(outcome.profile.id);
      const summary = await services.lifetimes.summarize(outcome.profile);
      print(
        { profile: summary, user: outcome.user, mfa: outcome.mfa },
        [
          `Signed in as ${outcome.user}. The refresh token is in the keychain under profile “${summary.name}”.`,
          outcome.mfa ? '' : 'Warning: the token has no MFA claim; Partner Center will refuse it. Sign in with MFA.',
          `It lapses ${summary.refreshTokenExpiresAt} unless it is used or renewed before then.`,
          // Device code has no redirect, so the SAM app signs in as a public client ("Allow public client
          // flows"), and Microsoft's revocation table treats its token as one
          // (https://learn.microsoft.com/entra/identity-platform/refresh-tokens).
          'Note: a device-code sign-in gives a public-client refresh token, which a password change or reset revokes. A sign-in from the SAM Desk app (with the app’s client secret) gives one that survives them.',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return 0;
    } finally {
      process.off('SIGINT', cancel);
    }
  },
};
