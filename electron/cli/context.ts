import type { Services } from '../core/app/services';
import type { UserFacingError } from '../ipc/errors';
import { OTHER_CLOUD } from '../core/app/userFacingError';
import { isDeadRefreshToken } from '../core/identity/deadToken';

/** Thrown for anything the user typed wrong; exits with the usage code. */
export class UsageError extends Error {}

export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  notConsented: 3,
  expired: 4,
  network: 5,
  microsoft: 6,
  keychain: 7,
  otherCloud: 8,
} as const;

/** The exit code a scheduler sees for a failure of this kind. */
export function exitCodeFor(error: UserFacingError): number {
  switch (error.kind) {
    case 'invalid-input':
      return error.code === OTHER_CLOUD ? exitCodes.otherCloud : exitCodes.usage;
    case 'not-found':
      return exitCodes.notConsented;
    case 'network':
      return exitCodes.network;
    case 'keychain':
      return exitCodes.keychain;
    case 'microsoft':
      return isDeadRefreshToken(error.code) ? exitCodes.expired : exitCodes.microsoft;
    default:
      return exitCodes.failure;
  }
}

export interface CliContext {
  services: Services;
  /** Options after the command, as parsed by the command's own `options`. */
  values: Record<string, string | boolean | undefined>;
  /** The command's `multiple` options (`--module a --module b`), each as the list given. */
  lists: Record<string, string[] | undefined>;
  positionals: string[];
  json: boolean;
  profile: string | undefined;
  /** Prints JSON with --json, the text otherwise. */
  print(value: unknown, text: string): void;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Extra options this command takes, in node:util parseArgs form. */
  options?: Record<string, { type: 'string' | 'boolean'; default?: string | boolean; multiple?: boolean }>;
  run(context: CliContext): Promise<number>;
}

/** Resolves --profile (name or id), or the only profile there is. */
export async function pickProfile(services: Services, wanted: string | undefined): Promise<string> {
  const profiles = await services.profiles.list();
  if (profiles.length === 0) throw new UsageError('No profiles yet. Connect a partner account first.');
  if (!wanted) {
    if (profiles.length > 1) {
      throw new UsageError(`Several profiles exist; pick one with --profile (${profiles.map((p) => p.name).join(', ')}).`);
    }
    return profiles[0]!.id;
  }
  const match = profiles.find((p) => p.id === wanted || p.name.toLowerCase() === wanted.toLowerCase());
  if (!match) throw new UsageError(`There is no profile “${wanted}”.`);
  return match.id;
}
