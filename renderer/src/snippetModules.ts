import type { SnippetMode, SnippetModule } from '../../electron/ipc/schemas';

/** One PowerShell module a snippet can connect; the detail pane renders one card per entry. */
export interface SnippetModuleCard {
  module: SnippetModule;
  title: string;
  /** The cmdlet the snippet runs. */
  command: string;
  description: string;
  /** Set for the forms Microsoft has switched off: the card says so and names what to use. */
  retired?: { retiredOn: string; what: string; replacement: SnippetModule };
}

// The same modules, titles and retirement dates as electron/core/snippets/catalog.ts (the renderer
// may not import core); test/unit/snippets.cards.test.ts keeps the two in step.
export const SNIPPET_MODULE_CARDS: readonly SnippetModuleCard[] = [
  {
    module: 'az',
    title: 'Azure',
    command: 'Connect-AzAccount',
    description: 'Az PowerShell in this customer, with Azure Resource Manager and Microsoft Graph tokens.',
  },
  {
    module: 'graph',
    title: 'Microsoft Graph PowerShell',
    command: 'Connect-MgGraph',
    description: 'Microsoft Graph PowerShell (Microsoft.Graph 2.x) in this customer: users, groups, licences.',
  },
  {
    module: 'exchange',
    title: 'Exchange Online',
    command: 'Connect-ExchangeOnline',
    description: 'ExchangeOnlineManagement 3.1 or later, managing this customer as a delegated organization.',
  },
  {
    module: 'partnercenter',
    title: 'Partner Center',
    command: 'Connect-PartnerCenter',
    description: 'Partner Center PowerShell in your partner tenant, with this customer’s id ready for -CustomerId.',
  },
  {
    module: 'azuread',
    title: 'Azure AD (AzureAD module)',
    command: 'Connect-AzureAD',
    description: 'The form the Secure Application Model documents show.',
    retired: { retiredOn: '2025', what: 'The AzureAD PowerShell module', replacement: 'graph' },
  },
  {
    module: 'msonline',
    title: 'MSOnline',
    command: 'Connect-MsolService',
    description: 'The form the Secure Application Model documents show.',
    retired: { retiredOn: '2025', what: 'The MSOnline PowerShell module', replacement: 'graph' },
  },
  {
    module: 'az-aadgraph',
    title: 'Azure with an Azure AD Graph token',
    command: 'Connect-AzAccount -GraphAccessToken',
    description: 'The Az form the Secure Application Model documents show.',
    retired: { retiredOn: 'August 2025', what: 'Azure AD Graph', replacement: 'az' },
  },
  {
    module: 'exchange-legacy',
    title: 'Exchange remote PowerShell session',
    command: 'New-PSSession … BasicAuthToOAuthConversion=true',
    description: 'The Exchange session the Secure Application Model documents show, imported with Import-PSSession.',
    retired: { retiredOn: 'October 2023', what: 'Exchange Online remote PowerShell', replacement: 'exchange' },
  },
];

export function snippetCard(module: SnippetModule): SnippetModuleCard {
  return SNIPPET_MODULE_CARDS.find((card) => card.module === module)!;
}

/** "Retired October 2023 — use Exchange Online (Connect-ExchangeOnline)." */
export function retiredBanner(retired: NonNullable<SnippetModuleCard['retired']>): string {
  const replacement = snippetCard(retired.replacement);
  return `Retired ${retired.retiredOn} — use ${replacement.title} (${replacement.command}). ${retired.what} no longer works.`;
}

/** The cmdlet a snippet is known by on screen: "Connect-MgGraph", "New-PSSession" (unique per module). */
export function snippetLabel(card: SnippetModuleCard): string {
  return card.command.replace(/ … .*$/, '');
}

/** What a module's copy button says to a screen reader: "Copy Connect-MgGraph snippet". */
export function copyButtonName(card: SnippetModuleCard, mode: SnippetMode): string {
  const label = snippetLabel(card);
  if (mode === 'paste') return `Copy ${label} snippet`;
  return mode === 'script' ? `Copy ${label} script` : `Copy ${label} script for all customers`;
}

export const SNIPPET_MODES: ReadonlyArray<{ mode: SnippetMode; label: string; hint: string }> = [
  {
    mode: 'paste',
    label: 'Paste',
    hint: 'Fresh access tokens for this customer inside, valid about an hour. The clipboard is cleared afterwards.',
  },
  {
    mode: 'script',
    label: 'Script',
    hint: 'No token inside: the script reads your refresh token from a PowerShell SecretManagement vault or Azure Key Vault when it runs. For scheduled automation.',
  },
  {
    mode: 'all-customers',
    label: 'All customers',
    hint: 'A script that loops over every customer in your list, redeeming the vaulted refresh token for each.',
  },
];
