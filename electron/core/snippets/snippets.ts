import type { SnippetModule } from '../../ipc/contract';
import type { ResourceName } from '../config/cloud';
import { commentText, quoteLiteral } from './powershell';

export interface SnippetCustomer {
  tenantId: string;
  name: string;
  domain: string;
}

/** A minted access token, with the label the on-screen preview shows in its place. */
export interface SnippetToken {
  value: string;
  resource: ResourceName;
}

export interface SnippetModuleSpec {
  title: string;
  /** Resources whose access tokens this snippet embeds, in the customer tenant. */
  resources: ResourceName[];
  render(input: { customer: SnippetCustomer; account: string; tokens: Record<string, string> }): string;
}

const resourceLabels: Record<ResourceName, string> = {
  azure: 'Azure Resource Manager',
  graph: 'Microsoft Graph',
  exchange: 'Exchange Online',
  partnercenter: 'Partner Center',
  aadgraph: 'Azure AD Graph',
};

export const snippetModules: Record<SnippetModule, SnippetModuleSpec> = {
  az: {
    title: 'Azure (Az module)',
    resources: ['azure', 'graph'],
    render: ({ customer, account, tokens }) =>
      [
        `Connect-AzAccount -AccessToken ${quoteLiteral(tokens.azure ?? '')} \``,
        `  -MicrosoftGraphAccessToken ${quoteLiteral(tokens.graph ?? '')} \``,
        `  -AccountId ${quoteLiteral(account)} -Tenant ${quoteLiteral(customer.tenantId)}`,
      ].join('\n'),
  },
};

export interface RenderedSnippet {
  text: string;
  preview: string;
}

/**
 * The snippet twice: with the real tokens (for the clipboard) and with placeholders (for the
 * screen). Both come from the same template, so what the user sees is what they paste.
 */
export function renderSnippet(
  module: SnippetModule,
  customer: SnippetCustomer,
  account: string,
  tokens: Partial<Record<ResourceName, string>>,
  expiresAt: Date,
): RenderedSnippet {
  const spec = snippetModules[module];
  const header = [
    `# SAM Desk: ${commentText(spec.title)} for ${commentText(customer.name)} (${commentText(customer.domain || customer.tenantId)})`,
    `# Access tokens valid until ${expiresAt.toISOString().replace(/\.\d+Z$/, 'Z')}.`,
  ].join('\n');
  const placeholders = Object.fromEntries(spec.resources.map((resource) => [resource, `<${resourceLabels[resource]} access token>`]));
  const real = Object.fromEntries(spec.resources.map((resource) => [resource, tokens[resource] ?? '']));
  return {
    text: `${header}\n${spec.render({ customer, account, tokens: real })}\n`,
    preview: `${header}\n${spec.render({ customer, account, tokens: placeholders })}\n`,
  };
}
