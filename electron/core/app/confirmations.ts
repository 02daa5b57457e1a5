/**
 * The renderer asks, main decides: an action that changes the partner's or a customer's tenant
 * (an app registration with tenant-wide consent, a customer consent) runs only after a
 * confirmation main itself shows (a native dialog in Electron), worded by main from what it knows,
 * never from text the renderer sent. A compromised renderer can ask, but not answer.
 */
import { formatCount } from '../../ipc/counts';
import { displayText } from '../../ipc/displayText';

export interface Confirmation {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
}

/** Shows the confirmation to the user; true when they chose `confirmLabel`. */
export type Confirm = (confirmation: Confirmation) => Promise<boolean>;

/** The user said no (or nothing could ask them): nothing was changed. */
export class DeclinedError extends Error {
  constructor(readonly confirmation: Confirmation) {
    super(`Nothing was changed: “${confirmation.confirmLabel}” was not confirmed.`);
    this.name = 'DeclinedError';
  }
}

/** Resolves when confirmed; without a way to ask, the answer is no. */
export async function requireConfirmation(confirm: Confirm | undefined, confirmation: Confirmation): Promise<void> {
  if (!confirm || !(await confirm(confirmation))) throw new DeclinedError(confirmation);
}

/** Where a secret SAM Desk adds is kept: said in every confirmation that adds one. */
const keptSecret = (keychainService: string) =>
  `Microsoft shows a new secret only once: SAM Desk keeps it in your operating system’s keychain (service “${displayText(keychainService)}”), never on disk, and shows it to you once to copy.`;

/** What each fixable check's repair does, in the admin's words (samAppChecks ids). */
const fixWords: Record<string, string> = {
  'multi-tenant': 'make the app multi-tenant',
  redirect: 'register http://localhost on the Web platform (moving it from Mobile and desktop or single-page app)',
  'public-client': 'turn on “Allow public client flows” for device-code sign-in',
  permissions: 'add the API permissions SAM Desk needs',
  'admin-consent': 'grant the missing admin consent in your partner tenant',
};

const sentenceList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('; ')} and ${items.at(-1)}`);

export const confirmations = {
  createApp: (displayName: string, keychainService: string): Confirmation => ({
    title: 'Create the SAM app',
    message: `Create the app registration “${displayText(displayName)}” in your partner tenant?`,
    detail:
      'SAM Desk registers a multi-tenant app with a client secret, and grants it tenant-wide (admin) consent in your partner tenant for the APIs its snippets use: Partner Center, Microsoft Graph, Exchange Online, Azure Resource Manager and Azure Key Vault. ' +
      keptSecret(keychainService),
    confirmLabel: 'Create the app',
  }),
  fixApp: (clientId: string, plan: { fixes: readonly string[]; newSecret: boolean }, keychainService: string): Confirmation => {
    const changes = plan.fixes.flatMap((id) => (fixWords[id] ? [fixWords[id]] : []));
    return {
      title: 'Fix the SAM app',
      message: plan.newSecret
        ? `Change the app registration ${clientId} and create a new client secret for it?`
        : `Change the app registration ${clientId} so that it passes every check?`,
      detail: [
        changes.length ? `SAM Desk will ${sentenceList(changes)}.` : 'SAM Desk will put right what its checks found.',
        plan.newSecret ? `The app’s current secret fails its check, so SAM Desk adds a new one, valid for two years; the app’s other secrets stay. ${keptSecret(keychainService)}` : 'No new client secret is created.',
      ].join(' '),
      confirmLabel: plan.newSecret ? 'Fix and create a secret' : 'Fix the app',
    };
  },
  grantCustomerConsent: (names: readonly string[], { repair = false }: { repair?: boolean } = {}): Confirmation => {
    const shown = names.slice(0, 3).map((name) => `“${displayText(name)}”`);
    const more = names.length > 3 ? ` and ${formatCount(names.length - 3)} more` : '';
    const where = `${names.length === 1 ? 'the customer tenant' : `${formatCount(names.length)} customer tenants`} ${shown.join(', ')}${more}`;
    const tenants = names.length === 1 ? '' : ` in ${formatCount(names.length)} tenants`;
    // Repair deletes first: the partner admin is told so before anything is removed.
    return repair
      ? {
          title: 'Repair customer consent',
          message: `Remove the SAM app's consent in ${where} and grant it again with SAM Desk's current permissions?`,
          detail: "Partner Center's application-consent API deletes each existing consent, then adds the SAM app again with the delegated permissions it asks for now. Between the two, the SAM app cannot get tokens there.",
          confirmLabel: `Repair consent${tenants}`,
        }
      : {
          title: 'Grant customer consent',
          message: `Consent the SAM app in ${where}?`,
          detail: "Partner Center's application-consent API adds the SAM app to each customer tenant with the delegated permissions it asks for, on your admin relationship's authority.",
          confirmLabel: `Grant consent${tenants}`,
        };
  },
};
