import { snippetCatalog, type SnippetModuleSpec } from '../../electron/shared/snippetCatalog';
import type { SnippetMode, SnippetModule } from '../../electron/ipc/schemas';

/** One PowerShell module a snippet can connect; the detail pane renders one card per entry. */
export type SnippetModuleCard = Pick<SnippetModuleSpec, 'title' | 'command' | 'description' | 'retired'> & { module: SnippetModule };

// The catalog is the one list of modules and their words; its order is the cards' order.
export const SNIPPET_MODULE_CARDS: readonly SnippetModuleCard[] = (Object.keys(snippetCatalog) as SnippetModule[]).map((module) => {
  const { title, command, description, retired } = snippetCatalog[module];
  return { module, title, command, description, retired };
});

export function snippetCard(module: SnippetModule): SnippetModuleCard {
  return SNIPPET_MODULE_CARDS.find((card) => card.module === module)!;
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
