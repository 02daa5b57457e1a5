import type { SnippetModule } from '../../electron/ipc/contract';

/** One PowerShell module a snippet can connect; the detail pane renders one card per entry. */
export interface SnippetModuleCard {
  module: SnippetModule;
  title: string;
  /** The cmdlet the snippet runs. */
  command: string;
  description: string;
}

// Graph, Exchange Online and Partner Center join this list as the contract gains their modules.
export const SNIPPET_MODULE_CARDS: readonly SnippetModuleCard[] = [
  {
    module: 'az',
    title: 'Azure (Az module)',
    command: 'Connect-AzAccount',
    description: 'Connects Az PowerShell to this customer with a fresh access token.',
  },
];
