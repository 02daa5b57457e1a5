import type { SnippetModule } from '../ipc/schemas';
import type { ResourceName } from './cloud';

/**
 * What a module's connect lines are built from. Every field is a PowerShell *expression* that the
 * mode has already made safe: a single-quoted literal (paste, script) or a variable such as
 * `$customer.TenantId` (all customers). Templates never quote or interpolate anything themselves.
 */
export interface ConnectValues {
  customerTenantId: string;
  /** The customer's domain, or its tenant id when the domain is unknown. */
  customerDomain: string;
  /** The partner admin who consented (a UPN). */
  account: string;
  applicationId: string;
  partnerTenantId: string;
  /** The access token for a resource: a literal, or the variable holding the one just redeemed. */
  token(resource: ResourceName): string;
  /** Script modes only: the variable holding the vaulted refresh token (and the app credential). */
  refreshToken?: string;
  appCredential?: string;
}

export interface Retirement {
  /** As Microsoft announced it, e.g. "August 2025". */
  retiredOn: string;
  what: string;
  replacement: SnippetModule;
}

export interface SnippetModuleSpec {
  title: string;
  /** The cmdlet the snippet runs, as the card shows it. */
  command: string;
  /** What the module connects to, in a sentence under the card's title. */
  description: string;
  /** Resources whose access tokens the connect lines use, and the tenant each is minted in. */
  resources: Array<{ resource: ResourceName; tenant: 'customer' | 'partner' }>;
  connect(values: ConnectValues): string[];
  /**
   * Script modes: connect with the refresh token itself, where the module can redeem it (so no
   * access token is minted by the script).
   */
  connectWithRefreshToken?(values: ConnectValues): string[];
  /** Ends the session, so a loop over customers starts each one clean. */
  disconnect?: string;
  retired?: Retirement;
}

const customer = (resource: ResourceName) => ({ resource, tenant: 'customer' as const });

/** Every module SAM Desk writes snippets for; the contract's snippetModuleSchema lists the same keys. */
export const snippetCatalog: Record<SnippetModule, SnippetModuleSpec> = {
  az: {
    title: 'Azure',
    command: 'Connect-AzAccount',
    description: 'Az PowerShell in this customer, with Azure Resource Manager and Microsoft Graph tokens.',
    resources: [customer('azure'), customer('graph')],
    connect: (v) => [
      `Connect-AzAccount -AccessToken ${v.token('azure')} \``,
      `  -MicrosoftGraphAccessToken ${v.token('graph')} \``,
      `  -AccountId ${v.account} -Tenant ${v.customerTenantId}`,
    ],
    disconnect: 'Disconnect-AzAccount | Out-Null',
  },
  graph: {
    title: 'Microsoft Graph PowerShell',
    command: 'Connect-MgGraph',
    description: 'Microsoft Graph PowerShell (Microsoft.Graph 2.x) in this customer: users, groups, licences.',
    resources: [customer('graph')],
    // Microsoft.Graph 2.x takes the token as a SecureString.
    connect: (v) => [`Connect-MgGraph -AccessToken (ConvertTo-SecureString ${v.token('graph')} -AsPlainText -Force) -NoWelcome`],
    disconnect: 'Disconnect-MgGraph | Out-Null',
  },
  exchange: {
    title: 'Exchange Online',
    command: 'Connect-ExchangeOnline',
    description: 'ExchangeOnlineManagement 3.1 or later, managing this customer as a delegated organization.',
    resources: [customer('exchange')],
    // -AccessToken needs ExchangeOnlineManagement 3.1.0+ and one of -Organization,
    // -DelegatedOrganization or -UserPrincipalName; a partner manages a customer as delegated.
    connect: (v) => [
      `Connect-ExchangeOnline -AccessToken ${v.token('exchange')} \``,
      `  -DelegatedOrganization ${v.customerDomain} -ShowBanner:$false`,
    ],
    disconnect: 'Disconnect-ExchangeOnline -Confirm:$false',
  },
  partnercenter: {
    title: 'Partner Center',
    command: 'Connect-PartnerCenter',
    description: 'Partner Center PowerShell in your partner tenant, with this customer’s id ready for -CustomerId.',
    // Partner Center answers for the partner's own tenant; customers are addressed by -CustomerId.
    resources: [{ resource: 'partnercenter', tenant: 'partner' }],
    connect: (v) => [
      `Connect-PartnerCenter -AccessToken ${v.token('partnercenter')} \``,
      `  -ApplicationId ${v.applicationId} -TenantId ${v.partnerTenantId}`,
    ],
    connectWithRefreshToken: (v) => [
      `Connect-PartnerCenter -ApplicationId ${v.applicationId} -RefreshToken ${v.refreshToken ?? '$refreshToken'} \``,
      v.appCredential ? `  -Credential ${v.appCredential} -TenantId ${v.partnerTenantId}` : `  -TenantId ${v.partnerTenantId}`,
    ],
    disconnect: 'Disconnect-PartnerCenter | Out-Null',
  },
  azuread: {
    title: 'Azure AD (AzureAD module)',
    command: 'Connect-AzureAD',
    description: 'The form the Secure Application Model documents show.',
    resources: [customer('aadgraph'), customer('graph')],
    connect: (v) => [
      `Connect-AzureAD -AadAccessToken ${v.token('aadgraph')} \``,
      `  -MsAccessToken ${v.token('graph')} \``,
      `  -AccountId ${v.account} -TenantId ${v.customerTenantId}`,
    ],
    disconnect: 'Disconnect-AzureAD',
    retired: { retiredOn: '2025', what: 'The AzureAD PowerShell module', replacement: 'graph' },
  },
  msonline: {
    title: 'MSOnline',
    command: 'Connect-MsolService',
    description: 'The form the Secure Application Model documents show.',
    resources: [customer('aadgraph'), customer('graph')],
    connect: (v) => [
      `Connect-MsolService -AdGraphAccessToken ${v.token('aadgraph')} \``,
      `  -MsGraphAccessToken ${v.token('graph')}`,
    ],
    retired: { retiredOn: '2025', what: 'The MSOnline PowerShell module', replacement: 'graph' },
  },
  'az-aadgraph': {
    title: 'Azure with an Azure AD Graph token',
    command: 'Connect-AzAccount -GraphAccessToken',
    description: 'The Az form the Secure Application Model documents show.',
    resources: [customer('azure'), customer('aadgraph')],
    connect: (v) => [
      `Connect-AzAccount -AccessToken ${v.token('azure')} \``,
      `  -GraphAccessToken ${v.token('aadgraph')} \``,
      `  -AccountId ${v.account} -TenantId ${v.customerTenantId}`,
    ],
    disconnect: 'Disconnect-AzAccount | Out-Null',
    retired: { retiredOn: 'August 2025', what: 'Azure AD Graph', replacement: 'az' },
  },
  'exchange-legacy': {
    title: 'Exchange remote PowerShell session',
    command: 'New-PSSession … BasicAuthToOAuthConversion=true',
    description: 'The Exchange session the Secure Application Model documents show, imported with Import-PSSession.',
    resources: [customer('exchange')],
    connect: (v) => [
      `$exchangeCredential = [pscredential]::new(${v.account}, (ConvertTo-SecureString ('Bearer ' + ${v.token('exchange')}) -AsPlainText -Force))`,
      `$exchangeUri = 'https://outlook.office365.com/powershell-liveid?DelegatedOrg=' + [uri]::EscapeDataString(${v.customerDomain}) + '&BasicAuthToOAuthConversion=true'`,
      `$session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri $exchangeUri \``,
      `  -Credential $exchangeCredential -Authentication Basic -AllowRedirection`,
      'Import-PSSession $session',
    ],
    disconnect: 'Remove-PSSession $session',
    retired: { retiredOn: 'October 2023', what: 'Exchange Online remote PowerShell', replacement: 'exchange' },
  },
};

export const resourceLabels: Record<ResourceName, string> = {
  azure: 'Azure Resource Manager',
  graph: 'Microsoft Graph',
  exchange: 'Exchange Online',
  partnercenter: 'Partner Center',
  aadgraph: 'Azure AD Graph',
  keyvault: 'Azure Key Vault',
};

/** "Retired August 2025 — use Azure (Connect-AzAccount). …": one wording for the banner and the snippet. */
export function retirementNotice(retired: Retirement): string {
  const replacement = snippetCatalog[retired.replacement];
  return `Retired ${retired.retiredOn} — use ${replacement.title} (${replacement.command}). ${retired.what} no longer works.`;
}
