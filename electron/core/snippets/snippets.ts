import type { SnippetModule } from '../../ipc/schemas';
import type { ResourceName } from '../../shared/cloud';
import { resourceLabels, retirementNotice, snippetCatalog, type ConnectValues, type SnippetModuleSpec } from '../../shared/snippetCatalog';
import { commentText, quoteLiteral } from './powershell';
import type { SnippetKeyVault } from './keyVaultScript';
import { scriptPrelude, tokenVariable } from './vaultScript';


export interface SnippetCustomer {
  tenantId: string;
  name: string;
  domain: string;
}

/** Everything about the partner's side a snippet needs; none of it secret. */
export interface SnippetPartner {
  /** The partner admin who consented (a UPN). */
  account: string;
  applicationId: string;
  partnerTenantId: string;
  /** A confidential SAM app: scripts also need its client secret from the vault. */
  hasClientSecret: boolean;
  /** e.g. https://login.microsoftonline.com, and each resource's identifier, from the cloud setting. */
  loginHost: string;
  resources: Record<ResourceName, string>;
  /** Published to Azure Key Vault: scripts read the token there and write the rotated one back. */
  keyVault?: SnippetKeyVault;
}

export interface RenderedSnippet {
  text: string;
  preview: string;
}

const isPartnerScoped = (spec: SnippetModuleSpec) => spec.resources.every(({ tenant }) => tenant === 'partner');

function header(spec: SnippetModuleSpec, subject: string, detail: string): string[] {
  const lines = [`# SAM Desk: ${commentText(spec.title)} for ${commentText(subject)}`, `# ${detail}`];
  if (spec.retired) lines.push(`# ${commentText(retirementNotice(spec.retired))}`);
  return lines;
}

function customerSubject(customer: SnippetCustomer): string {
  return `${customer.name} (${customer.domain ? `${customer.domain}, ` : ''}tenant ${customer.tenantId})`;
}

function literalValues(partner: SnippetPartner, customer: SnippetCustomer, token: ConnectValues['token']): ConnectValues {
  return {
    customerTenantId: quoteLiteral(customer.tenantId),
    customerDomain: quoteLiteral(customer.domain || customer.tenantId),
    account: quoteLiteral(partner.account),
    applicationId: quoteLiteral(partner.applicationId),
    partnerTenantId: quoteLiteral(partner.partnerTenantId),
    token,
  };
}

/** Partner Center works in the partner's tenant; this line names the customer for -CustomerId. */
function customerLine(spec: SnippetModuleSpec, customerTenantId: string): string[] {
  if (!isPartnerScoped(spec)) return [];
  // Get-PartnerCustomer -CustomerId (https://learn.microsoft.com/powershell/module/partnercenter/get-partnercustomer)
  // shows the customer and how the variable is used in the admin's own commands.
  return [`$customerTenantId = ${customerTenantId}`, '# Partner Center commands name this customer with -CustomerId:', 'Get-PartnerCustomer -CustomerId $customerTenantId'];
}

/**
 * paste: the access tokens SAM Desk just minted, embedded. Rendered twice from the same template:
 * with the real tokens (for the clipboard) and with placeholders (for the screen).
 */
export function renderPasteSnippet(
  module: SnippetModule,
  partner: SnippetPartner,
  customer: SnippetCustomer,
  tokens: Partial<Record<ResourceName, string>>,
  /** Absent for a preview before copying: the tokens are minted only when the snippet is copied. */
  expiresAt?: Date,
): RenderedSnippet {
  const spec = snippetCatalog[module];
  const validity = expiresAt
    ? `Access tokens valid until ${expiresAt.toISOString().replace(/\.\d+Z$/, 'Z')}.`
    : 'Access tokens are minted when you copy this snippet, valid about an hour.';
  const top = header(spec, customerSubject(customer), validity);
  const body = (token: ConnectValues['token']) => {
    const values = literalValues(partner, customer, token);
    return [...top, ...spec.connect(values), ...customerLine(spec, values.customerTenantId)].join('\n') + '\n';
  };
  return {
    text: body((resource) => quoteLiteral(tokens[resource] ?? '')),
    preview: body((resource) => quoteLiteral(`<${resourceLabels[resource]} access token>`)),
  };
}

/** Lines that redeem, at run time, one access token per resource the module needs. */
function redeemLines(spec: SnippetModuleSpec, partner: SnippetPartner, customerTenantId: string): string[] {
  return spec.resources.map(
    ({ resource, tenant }) =>
      `${tokenVariable(resource)} = Get-SamDeskAccessToken -TenantId ${tenant === 'partner' ? quoteLiteral(partner.partnerTenantId) : customerTenantId} -Resource ${quoteLiteral(partner.resources[resource])}`,
  );
}

function connectLines(spec: SnippetModuleSpec, partner: SnippetPartner, values: ConnectValues): string[] {
  if (spec.connectWithRefreshToken) {
    return spec.connectWithRefreshToken({
      ...values,
      // The prelude's variable, so the client id is written once.
      applicationId: '$samDeskClientId',
      refreshToken: '$refreshToken',
      appCredential: partner.hasClientSecret ? '$appCredential' : undefined,
    });
  }
  return [...redeemLines(spec, partner, values.customerTenantId), ...spec.connect(values)];
}

const variableToken = (resource: ResourceName) => tokenVariable(resource);

/** script: nothing secret inside; the refresh token comes from a vault when the script runs. */
export function renderScriptSnippet(module: SnippetModule, partner: SnippetPartner, customer: SnippetCustomer): string {
  const spec = snippetCatalog[module];
  const values = literalValues(partner, customer, variableToken);
  return (
    [
      ...header(spec, customerSubject(customer), 'For scheduled runs: no token is in this script. It reads the refresh token from a vault.'),
      ...scriptPrelude(partner, { redeems: !spec.connectWithRefreshToken }),
      '',
      ...connectLines(spec, partner, values),
      ...customerLine(spec, values.customerTenantId),
    ].join('\n') + '\n'
  );
}

const indent = (lines: string[], depth: number) => lines.map((line) => `${'  '.repeat(depth)}${line}`);

/** all-customers: the script mode looped over every customer in the list (names and ids as literals). */
export function renderAllCustomersSnippet(
  module: SnippetModule,
  partner: SnippetPartner,
  customers: readonly SnippetCustomer[],
  listedAt: string,
): string {
  const spec = snippetCatalog[module];
  const loopValues: ConnectValues = {
    customerTenantId: '$customer.TenantId',
    customerDomain: '$customer.Domain',
    account: quoteLiteral(partner.account),
    applicationId: quoteLiteral(partner.applicationId),
    partnerTenantId: quoteLiteral(partner.partnerTenantId),
    token: variableToken,
  };
  const table = customers.map(
    (customer) =>
      `  [pscustomobject]@{ TenantId = ${quoteLiteral(customer.tenantId)}; Domain = ${quoteLiteral(customer.domain || customer.tenantId)}; Name = ${quoteLiteral(customer.name)} }`,
  );
  const partnerScoped = isPartnerScoped(spec);
  const perCustomer = partnerScoped
    ? ['# Your commands for this customer go here, with -CustomerId $customer.TenantId.']
    : [...connectLines(spec, partner, loopValues), '# Your commands for this customer go here.', ...(spec.disconnect ? [spec.disconnect] : [])];
  return (
    [
      ...header(spec, `every customer (${customers.length})`, 'For scheduled runs: no token is in this script. It reads the refresh token from a vault.'),
      ...scriptPrelude(partner, { redeems: !spec.connectWithRefreshToken }),
      '',
      `# The customer list as SAM Desk had it at ${commentText(listedAt)}.`,
      '$customers = @(',
      ...table,
      ')',
      ...(partnerScoped ? connectLines(spec, partner, loopValues) : []),
      '',
      'foreach ($customer in $customers) {',
      '  try {',
      ...indent(perCustomer, 2),
      '  } catch {',
      "    Write-Warning ($customer.Name + ': ' + $_.Exception.Message)",
      '  }',
      '}',
    ].join('\n') + '\n'
  );
}

