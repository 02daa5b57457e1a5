import type { SnippetModule } from '../ipc/schemas';
import type { ResourceName } from './cloud';
import { ROLE_ID } from './entraRoles';
import type { ModuleNeeds } from './moduleRequirements';

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

interface ModuleSpecBase {
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
}

/**
 * One module, all SAM Desk knows of it: how its snippet connects and, while Microsoft still runs it,
 * what it needs in a customer (readiness, moduleRequirements.ts); a retired form says since when instead.
 */
export type SnippetModuleSpec = ModuleSpecBase & ({ needs: ModuleNeeds; retired?: undefined } | { retired: Retirement; needs?: undefined });

const customer = (resource: ResourceName) => ({ resource, tenant: 'customer' as const });

/** Every module SAM Desk writes snippets for; the contract's snippetModuleSchema lists the same keys. */
export const snippetCatalog: Record<SnippetModule, SnippetModuleSpec> = {
  az: {
    title: 'Azure',
    command: 'Connect-AzAccount',
    description: 'Az PowerShell in this customer, with Azure Resource Manager and Microsoft Graph tokens.',
    needs: {
      probes: [
        { resource: 'azure', counts: 'call' },
        { resource: 'graph', counts: 'token' },
      ],
      roles: null,
      azureRoles: {
        // "partners who manage Azure are part of a separate security group, which is a member of the
        // Admin agent group. This group grants owner role-based access control (RBAC) access on all Azure
        // subscriptions"; Entra roles from GDAP give no Azure access.
        source: 'https://learn.microsoft.com/partner-center/gdap-introduction; https://learn.microsoft.com/partner-center/gdap-least-privileged-roles-by-task (Azure tasks: an Azure RBAC role)',
        assumption: 'Reader on one subscription is enough to connect; what a script may change depends on its Azure role.',
      },
    },
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
    needs: {
      probes: [{ resource: 'graph', counts: 'call' }],
      roles: {
        anyOf: [ROLE_ID.globalAdministrator, ROLE_ID.globalReader, ROLE_ID.directoryReaders, ROLE_ID.directoryWriters, ROLE_ID.userAdministrator, ROLE_ID.helpdeskAdministrator],
        purpose: 'read the directory’s users, groups and licences',
        source: 'https://learn.microsoft.com/partner-center/gdap-least-privileged-roles-by-task; https://learn.microsoft.com/graph/api/user-list ("Guest users cannot call this API": a partner user reads only what a role grants)',
        assumption: 'Which role a script needs depends on its cmdlets; these read users, and Directory Readers is the least privileged.',
      },
    },
    resources: [customer('graph')],
    // Microsoft.Graph 2.x takes the token as a SecureString.
    connect: (v) => [`Connect-MgGraph -AccessToken (ConvertTo-SecureString ${v.token('graph')} -AsPlainText -Force) -NoWelcome`],
    disconnect: 'Disconnect-MgGraph | Out-Null',
  },
  exchange: {
    title: 'Exchange Online',
    command: 'Connect-ExchangeOnline',
    description: 'ExchangeOnlineManagement 3.1 or later, managing this customer as a delegated organization.',
    needs: {
      probes: [{ resource: 'exchange', counts: 'call' }],
      roles: {
        anyOf: [ROLE_ID.globalAdministrator, ROLE_ID.exchangeAdministrator],
        partial: {
          [ROLE_ID.globalReader]: 'only reads Exchange settings (Get- cmdlets)',
          [ROLE_ID.exchangeRecipientAdministrator]: 'manages recipients (mailboxes, contacts, groups) only',
        },
        purpose: 'manage Exchange Online',
        source:
          'https://learn.microsoft.com/partner-center/customers/gdap-supported-workloads (Exchange admin center roles); Microsoft365DSC EXO settings ("update": Exchange Administrator, "read": Global Reader)',
        assumption: 'Exchange Recipient Administrator is counted as not enough for the Connect-ExchangeOnline snippet, which manages the organization.',
      },
    },
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
    needs: {
      probes: [{ resource: 'partnercenter', counts: 'call' }],
      roles: null,
      // Partner Center roles are the partner's own (Admin Agent, Sales Agent, Helpdesk Agent); a
      // customer is addressed by -CustomerId only if Partner Center lists it.
      partnerCenter: { source: 'https://learn.microsoft.com/partner-center/developer/get-a-customer-by-id' },
    },
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
