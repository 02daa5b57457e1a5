import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { readEnvironment, type Environment } from '../../electron/core/config/environment';
import type { SimInfo } from '../sim';

export interface IsolatedEnvironment {
  environment: Environment;
  /** The variables a child process (the CLI) needs to see the same data. */
  variables: {
    SAMDESK_CLOUD: string;
    SAMDESK_CA_FILE: string;
    SAMDESK_HOME: string;
    SAMDESK_KEYCHAIN_SERVICE: string;
  };
  /** Removes the data folder and every keychain entry this run created. */
  cleanUp(): Promise<void>;
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
  return {
    environment: readEnvironment(variables),
    variables,
    async cleanUp() {
      for (const { account } of await keytar.findCredentials(variables.SAMDESK_KEYCHAIN_SERVICE)) {
        await keytar.deletePassword(variables.SAMDESK_KEYCHAIN_SERVICE, account);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
