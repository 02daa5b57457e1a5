import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { readEnvironment, type Environment, type ExtraCa } from '../../electron/core/config/environment';
import { KEYCHAIN_TIMEOUT_MS, KeychainVault } from '../../electron/core/vault/secretVault';
import type { SimInfo } from '../sim';
import { withTimeout } from './bounded';

export interface IsolatedEnvironment {
  environment: Environment;
  /** The variables a child process (the CLI) needs to see the same data. */
  variables: {
    SAMDESK_CLOUD: string;
    SAMDESK_CA_FILE: string;
    SAMDESK_HOME: string;
    SAMDESK_KEYCHAIN_SERVICE: string;
  };
  /** This run's keychain service, read the way the app reads it; every call bounded. */
  keychain: {
    /** What the app's vault reads for `account`. */
    get(account: string): Promise<string | null>;
    /** Every entry stored under the service, as the OS keychain holds them. */
    entries(): Promise<Array<{ account: string; password: string }>>;
  };
  /** Removes the data folder and every keychain entry this run created. */
  cleanUp(): Promise<void>;
}

/** The simulated cloud's CA, trusted for its origin only, as the app trusts it (config/environment.ts). */
export function simCa(sim: Pick<SimInfo, 'url' | 'caFile'>): ExtraCa {
  return { pem: readFileSync(sim.caFile, 'utf8'), origin: new URL(sim.url).origin };
}

/** A fresh SAMDESK_HOME and keychain service per test run, pointed at the simulated cloud. */
export function isolatedEnvironment(sim: SimInfo): IsolatedEnvironment {
  const home = mkdtempSync(join(tmpdir(), 'samdesk-test-'));
  const variables = {
    SAMDESK_CLOUD: sim.url,
    SAMDESK_CA_FILE: sim.caFile,
    SAMDESK_HOME: home,
    SAMDESK_KEYCHAIN_SERVICE: `samdesk-test-${randomBytes(4).toString('hex')}`,
  };
  const service = variables.SAMDESK_KEYCHAIN_SERVICE;
  const vault = new KeychainVault(service);
  const entries = () => withTimeout(keytar.findCredentials(service), KEYCHAIN_TIMEOUT_MS, `listing the keychain entries of ${service}`);
  return {
    environment: readEnvironment(variables),
    variables,
    keychain: { get: (account) => vault.get(account), entries },
    async cleanUp() {
      try {
        // Bounded like the app's own keychain calls: a keyring that stops answering fails the hook, not the run.
        for (const { account } of await entries()) {
          await withTimeout(keytar.deletePassword(service, account), KEYCHAIN_TIMEOUT_MS, `removing ${account} from ${service}`);
        }
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
}
