import type { CliCommand } from '../context';
import { customersCommand } from './customers';
import { profilesCommand } from './profiles';
import { renewCommand } from './renew';
import { consentCommand } from './consent';
import { tokenCommand } from './token';
import { snippetCommand } from './snippet';
import { refreshTokenCommand } from './refreshToken';
import { clientSecretCommand } from './clientSecret';
import { vaultCommand } from './vault';
import { checkCommand } from './check';

/** Every `samdesk` command; each lives in its own file. */
export const commands: CliCommand[] = [profilesCommand, customersCommand, renewCommand, consentCommand, tokenCommand, snippetCommand, checkCommand, refreshTokenCommand, clientSecretCommand, vaultCommand];
