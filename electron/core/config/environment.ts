import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { StartupNotice } from '../../ipc/app';
import { resolveCloud, type CloudEndpoints } from '../../shared/cloud';

/** An extra CA (the simulated cloud's), trusted for one origin only: the custom cloud's. */
export interface ExtraCa {
  pem: string;
  origin: string;
}

/** Everything that decides where SAM Desk reads and writes, gathered once at start. */
export interface Environment {
  cloud: CloudEndpoints;
  /** Set only for a custom cloud, with SAMDESK_CA_FILE. */
  extraCa: ExtraCa | undefined;
  /** Folder for metadata (never secrets). */
  home: string;
  /** Keychain service name the refresh tokens are stored under. */
  keychainService: string;
  /** Settings that were read but not obeyed, for the window's message bar. */
  notices: StartupNotice[];
}

const DEFAULT_KEYCHAIN_SERVICE = 'SAM Desk';

/** The per-user data folder each OS expects. */
function defaultHome(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SAM Desk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'SAM Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'samdesk');
}

export interface EnvironmentOptions {
  /**
   * Whether a custom cloud (SAMDESK_CLOUD as a URL: the simulator) may be used. The CLI, the
   * harness and tests may; a packaged app only with the user's explicit opt-in (main decides,
   * securityPolicy.ts). Refused, SAMDESK_CLOUD and SAMDESK_CA_FILE are ignored and a notice says so.
   */
  customCloud?: 'allowed' | 'refused';
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env, options: EnvironmentOptions = {}): Environment {
  const home = env.SAMDESK_HOME?.trim() || defaultHome();
  const keychainService = env.SAMDESK_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
  const cloud = resolveCloud(env.SAMDESK_CLOUD);
  if (cloud.name !== 'custom') return { cloud, extraCa: undefined, home, keychainService, notices: [] };
  if (options.customCloud === 'refused') {
    const notice = {
      title: 'A development setting was ignored',
      message: `SAMDESK_CLOUD points to ${cloud.loginHost}, a custom cloud for development. This build uses ${resolveCloud('public').displayName} instead.`,
      action: `To use that cloud, start SAM Desk with ${CUSTOM_CLOUD_SWITCH}=${cloud.loginHost}.`,
    };
    return { cloud: resolveCloud('public'), extraCa: undefined, home, keychainService, notices: [notice] };
  }
  const caFile = env.SAMDESK_CA_FILE?.trim();
  let extraCa: ExtraCa | undefined;
  if (caFile) {
    try {
      extraCa = { pem: readFileSync(caFile, 'utf8'), origin: cloud.loginHost };
    } catch {
      throw new Error(`SAMDESK_CA_FILE points to ${caFile}, which cannot be read.`);
    }
  }
  return { cloud, extraCa, home, keychainService, notices: [] };
}

/** The command-line switch by which a person lets a packaged build use a custom cloud. */
export const CUSTOM_CLOUD_SWITCH = '--allow-custom-cloud';
