import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { resolveCloud, type CloudEndpoints } from './cloud';

/** Everything that decides where SAM Desk reads and writes, gathered once at start. */
export interface Environment {
  cloud: CloudEndpoints;
  /** PEM of an extra CA to trust (the simulated cloud's), or undefined. */
  extraCa: string | undefined;
  /** Folder for metadata (never secrets). */
  home: string;
  /** Keychain service name the refresh tokens are stored under. */
  keychainService: string;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'SAM Desk';

/** The per-user data folder each OS expects. */
export function defaultHome(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SAM Desk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'SAM Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'samdesk');
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const caFile = env.SAMDESK_CA_FILE?.trim();
  let extraCa: string | undefined;
  if (caFile) {
    try {
      extraCa = readFileSync(caFile, 'utf8');
    } catch {
      throw new Error(`SAMDESK_CA_FILE points to ${caFile}, which cannot be read.`);
    }
  }
  return {
    cloud: resolveCloud(env.SAMDESK_CLOUD),
    extraCa,
    home: env.SAMDESK_HOME?.trim() || defaultHome(),
    keychainService: env.SAMDESK_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE,
  };
}
