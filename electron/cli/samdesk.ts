/**
 * `samdesk`: the same core code as the app, from a terminal or a scheduler. Plain Node, no Electron.
 * Errors are one line on stderr with an exit code per kind (see `exitCodes`).
 */
import { parseArgs } from 'node:util';
import { readEnvironment } from '../core/config/environment';
import { createServices } from '../core/app/services';
import { toUserFacingError } from '../core/app/userFacingError';
import { createLogger } from '../core/app/logger';
import { redactSecrets } from '../core/app/redact';
import { commands } from './commands';
import { exitCodeFor, exitCodes, UsageError, type CliContext } from './context';

/** How long the CLI waits for Key Vault pushes before it exits anyway (they are retried next run). */
const KEY_VAULT_FLUSH_MS = 60_000;

const globalOptions = {
  profile: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: samdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  --profile NAME   Which profile (name or id); needed when more than one exists.',
    '  --json           Machine-readable output on stdout.',
    '  --help           This text.',
    '',
    'Environment: SAMDESK_HOME, SAMDESK_CLOUD, SAMDESK_CA_FILE, SAMDESK_KEYCHAIN_SERVICE.',
    'Exit codes: 0 ok, 1 failure, 2 usage, 3 not consented, 4 token expired or revoked, 5 network, 6 Microsoft error, 7 keychain.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    if (name) throw new UsageError(`Unknown command “${name}”. Run samdesk --help.`);
    process.stdout.write(`${usage()}\n`);
    return argv.includes('--help') ? exitCodes.ok : exitCodes.usage;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...globalOptions, ...command.options },
  });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return exitCodes.ok;
  }
  const json = values.json === true;
  const environment = readEnvironment();
  const services = createServices(environment, {
    // Warnings and errors also on stderr, redacted like the log file.
    logger: createLogger({ home: environment.home, stderr: process.stderr }),
    opener: {
      open: () => {
        throw new UsageError('The command line cannot open a sign-in window; use `samdesk consent --device-code`.');
      },
    },
  });
  const context: CliContext = {
    services,
    values: Object.fromEntries(Object.entries(values).filter(([, value]) => !Array.isArray(value))) as CliContext['values'],
    lists: Object.fromEntries(Object.entries(values as Record<string, unknown>).filter(([, value]) => Array.isArray(value))) as CliContext['lists'],
    positionals: positionals.slice(1),
    json,
    profile: typeof values.profile === 'string' ? values.profile : undefined,
    print: (value, text) => process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`),
    stdout: process.stdout,
    stderr: process.stderr,
  };
  try {
    return await command.run(context);
  } finally {
    await keyVaultCopiesPushed(services);
  }
}

/** Rotations this run made reach the published profiles' vaults before the process ends (bounded). */
async function keyVaultCopiesPushed(services: ReturnType<typeof createServices>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), KEY_VAULT_FLUSH_MS)));
  const outcome = await Promise.race([services.keyVault.sync.flush().then(() => 'done' as const), limit]);
  clearTimeout(timer);
  if (outcome === 'late') process.stderr.write('samdesk: a Key Vault copy is still being updated; SAM Desk pushes it next time it runs.\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`samdesk: ${(error as Error).message}\n`);
      process.exit(exitCodes.usage);
    }
    const facing = toUserFacingError(error);
    process.stderr.write(
      redactSecrets(`samdesk: ${facing.message}${facing.action ? ` ${facing.action}` : ''}${facing.code ? ` (${facing.code})` : ''}`) + '\n',
    );
    process.exit(exitCodeFor(facing));
  },
);
