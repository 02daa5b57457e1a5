import { DeviceCodeFlow } from '../../core/identity/deviceCode';
import { formatTime } from '../../ipc/dateTime';
import { DeviceCodeReaderSignIn } from '../../core/keyVault/readerSignIn';
import { parseVaultUrl } from '../../core/keyVault/vaultUrl';
import { vaultNameSchemeSchema, type VaultNameScheme, type VaultPublication } from '../../ipc/keyVault';
import { describeVaultStatus } from '../../ipc/vaultStatus';
import { pickProfile, UsageError, type CliCommand, type CliContext } from '../context';

const usage = 'Use samdesk vault publish --vault URL [--names samdesk|cipp], samdesk vault pull --vault URL [--names samdesk|cipp], or samdesk vault status.';

function vaultOption(values: CliContext['values']): string {
  if (typeof values.vault !== 'string' || !values.vault.trim()) throw new UsageError('Name the vault with --vault URL (its Vault URI, e.g. https://contoso-sam.vault.azure.net/).');
  return values.vault;
}

function namesOption(values: CliContext['values']): VaultNameScheme | undefined {
  if (values.names === undefined) return undefined;
  const parsed = vaultNameSchemeSchema.safeParse(values.names);
  if (!parsed.success) throw new UsageError(`--names is samdesk (SAM Desk’s secret names) or cipp (ApplicationID, ApplicationSecret, TenantID, RefreshToken), not “${String(values.names)}”.`);
  return parsed.data;
}

function statusLines(publications: VaultPublication[], names: Map<string, string>, now: Date): string {
  if (publications.length === 0) return 'No profile is published to a key vault. Run samdesk vault publish --vault URL.';
  return publications
    .map((publication) =>
      [
        names.get(publication.profileId) ?? publication.profileId,
        publication.vaultUrl,
        `${publication.names} names`,
        describeVaultStatus(publication, now),
        ...(publication.currentVersion ? [`version ${publication.currentVersion.version} of ${publication.currentVersion.createdAt}`] : []),
        ...(publication.error?.action ? [publication.error.action] : []),
      ].join('\t'),
    )
    .join('\n');
}

async function publish(context: CliContext): Promise<number> {
  const { services, values, profile, print } = context;
  const profileId = await pickProfile(services, profile);
  const publication = await services.keyVault.sync.publish(profileId, vaultOption(values), namesOption(values) ?? 'samdesk');
  const record = await services.keeper.profile(profileId);
  print(publication, `Published “${record.name}” to ${publication.vaultUrl} (${Object.values(publication.secretNames).join(', ')}). ${describeVaultStatus(publication, new Date())}.`);
  return 0;
}

/**
 * Joins from a vault: the person signs in by device code to read it (Key Vault Secrets User is
 * enough for that); a profile already published there is just brought up to date.
 */
async function pull(context: CliContext): Promise<number> {
  const { services, values, print, stderr } = context;
  const address = parseVaultUrl(vaultOption(values), services.environment.cloud);
  const names = namesOption(values);
  const existing = (await services.keyVault.sync.list()).find((publication) => publication.vaultUrl === address.url && (!names || publication.names === names));
  if (existing) {
    const publication = await services.keyVault.sync.sync(existing.profileId);
    print(publication, describeVaultStatus(publication, new Date()));
    return 0;
  }
  const flow = new DeviceCodeFlow(services.environment.cloud, services.http);
  const signIn = new DeviceCodeReaderSignIn(flow, (prompt) =>
    stderr.write(`samdesk: to read ${address.name}, open ${prompt.verificationUri} and enter the code ${prompt.userCode} (valid until ${formatTime(prompt.expiresAt, { zone: true })}).\n`),
  );
  const joined = await services.keyVault.join.join({ vaultUrl: address.url, names }, () => signIn);
  print(
    { profile: await services.lifetimes.summarize(joined.profile), publication: joined.publication },
    `Joined “${joined.profile.name}” (${joined.profile.user}) from ${address.url}. ${describeVaultStatus(joined.publication, new Date())}.`,
  );
  return 0;
}

async function status({ services, print }: CliContext): Promise<number> {
  const publications = await services.keyVault.sync.list();
  const names = new Map((await services.profiles.list()).map((profile) => [profile.id, profile.name]));
  print(publications, statusLines(publications, names, new Date()));
  return publications.some((publication) => publication.state === 'failed') ? 1 : 0;
}

/** `samdesk vault publish|pull|status`: the team's Azure Key Vault copy of a refresh token. */
export const vaultCommand: CliCommand = {
  name: 'vault',
  summary: 'Azure Key Vault: publish --vault URL [--names samdesk|cipp], pull --vault URL, status.',
  options: { vault: { type: 'string' }, names: { type: 'string' } },
  async run(context) {
    const action = context.positionals[0];
    if (action === 'publish') return publish(context);
    if (action === 'pull') return pull(context);
    if (action === 'status') return status(context);
    throw new UsageError(action ? `Unknown vault action “${action}”. ${usage}` : usage);
  },
};
