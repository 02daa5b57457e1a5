/**
 * `samdesk`: the same core code as the app, from a terminal or a scheduler. Plain Node, no Electron.
 * Errors are one line on stderr with an exit code per kind.
 */
import { parseArgs } from 'node:util';
import { readEnvironment } from '../core/config/environment';
import { createServices, type Services } from '../core/app/services';
import { toUserFacingError } from '../core/app/userFacingError';
import { summarize } from '../core/profiles/profileStore';
import type { UserFacingError } from '../ipc/contract';

export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  notConsented: 3,
  expired: 4,
  network: 5,
  microsoft: 6,
  keychain: 7,
} as const;

const usage = `Usage: samdesk <command> [options]

Commands:
  profiles                 List stored partner consents and when their refresh tokens lapse.
  customers [--search T]   List customer tenants (cached; --refresh to fetch again).

Options:
  --profile NAME   Which profile (name or id); needed when more than one exists.
  --json           Machine-readable output.
  --help           This text.

Environment: SAMDESK_HOME, SAMDESK_CLOUD, SAMDESK_CA_FILE, SAMDESK_KEYCHAIN_SERVICE.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      search: { type: 'string' },
      refresh: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return values.help ? exitCodes.ok : exitCodes.usage;
  }
  const services = createServices(readEnvironment(), {
    opener: { open: () => { throw new UsageError('This command cannot open a sign-in window.'); } },
  });
  const print = (value: unknown, text: string) => process.stdout.write(values.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);

  switch (command) {
    case 'profiles': {
      const profiles = (await services.profiles.list()).map(summarize);
      print(
        profiles,
        profiles.length === 0
          ? 'No profiles yet. Connect a partner account in SAM Desk first.'
          : profiles.map((p) => `${p.name}\t${p.user}\t${p.partnerTenantId}\trefresh token lapses ${p.refreshTokenExpiresAt}`).join('\n'),
      );
      return exitCodes.ok;
    }
    case 'customers': {
      const profileId = await pickProfile(services, values.profile);
      const { customers } = await services.customers.list(profileId, values.refresh);
      const needle = values.search?.toLowerCase();
      const shown = needle
        ? customers.filter((c) => [c.name, c.domain, c.tenantId].some((field) => field.toLowerCase().includes(needle)))
        : customers;
      print(shown, shown.map((c) => `${c.tenantId}\t${c.domain}\t${c.name}`).join('\n'));
      return exitCodes.ok;
    }
    default:
      throw new UsageError(`Unknown command “${command}”. Run samdesk --help.`);
  }
}

async function pickProfile(services: Services, wanted: string | undefined): Promise<string> {
  const profiles = await services.profiles.list();
  if (profiles.length === 0) throw new UsageError('No profiles yet. Connect a partner account first.');
  if (!wanted) {
    if (profiles.length > 1) throw new UsageError(`Several profiles exist; pick one with --profile (${profiles.map((p) => p.name).join(', ')}).`);
    return profiles[0]!.id;
  }
  const match = profiles.find((p) => p.id === wanted || p.name.toLowerCase() === wanted.toLowerCase());
  if (!match) throw new UsageError(`There is no profile “${wanted}”.`);
  return match.id;
}

export function exitCodeFor(error: UserFacingError): number {
  switch (error.kind) {
    case 'invalid-input':
      return exitCodes.usage;
    case 'not-found':
      return exitCodes.notConsented;
    case 'network':
      return exitCodes.network;
    case 'keychain':
      return exitCodes.keychain;
    case 'microsoft':
      return ['AADSTS700082', 'AADSTS50173', 'AADSTS70043', 'AADSTS700084'].includes(error.code ?? '')
        ? exitCodes.expired
        : exitCodes.microsoft;
    default:
      return exitCodes.failure;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`samdesk: ${(error as Error).message}\n`);
      process.exit(exitCodes.usage);
    }
    const facing = toUserFacingError(error);
    process.stderr.write(`samdesk: ${facing.message}${facing.action ? ` ${facing.action}` : ''}${facing.code ? ` (${facing.code})` : ''}\n`);
    process.exit(exitCodeFor(facing));
  },
);
