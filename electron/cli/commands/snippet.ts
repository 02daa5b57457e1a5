import { snippetModeSchema, snippetModuleSchema } from '../../ipc/schemas';
import { pickProfile, UsageError, type CliCommand } from '../context';
import { resolveTenant } from './token';

function parseChoice<T extends string>(what: string, options: readonly T[], value: string | boolean | undefined, fallback?: T): T {
  if (value === undefined && fallback) return fallback;
  const choice = options.find((option) => option === value);
  if (!choice) throw new UsageError(`${value === undefined ? `Name a ${what}` : `Unknown ${what} “${String(value)}”`}: use --${what} ${options.join('|')}.`);
  return choice;
}

export const snippetCommand: CliCommand = {
  name: 'snippet',
  summary: 'Print a PowerShell snippet: --tenant ID|DOMAIN --module MODULE [--mode paste|script|all-customers].',
  options: { tenant: { type: 'string' }, module: { type: 'string' }, mode: { type: 'string' } },
  async run({ services, values, profile, print }) {
    const profileId = await pickProfile(services, profile);
    const module = parseChoice('module', snippetModuleSchema.options, values.module);
    const mode = parseChoice('mode', snippetModeSchema.options, values.mode, 'paste');
    const customerTenantId = mode === 'all-customers' ? undefined : await resolveTenant(services, profileId, values.tenant);
    const snippet = await services.snippets.render({
      profileId,
      customerTenantId,
      module,
      mode,
    });
    print({ text: snippet.text, expiresAt: snippet.expiresAt ?? null, containsSecret: snippet.containsSecret }, snippet.text.trimEnd());
    return 0;
  },
};
