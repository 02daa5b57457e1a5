import type { CliCommand } from '../context';
import { customersCommand } from './customers';
import { profilesCommand } from './profiles';

/** Every `samdesk` command; each lives in its own file. */
export const commands: CliCommand[] = [profilesCommand, customersCommand];
