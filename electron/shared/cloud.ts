/**
 * Where Microsoft's identity platform and APIs live. Sovereign clouds have their own login host
 * and resource URIs; a custom base URL (the simulated cloud) hosts everything under one origin.
 */
export type ResourceName = 'azure' | 'graph' | 'exchange' | 'partnercenter' | 'aadgraph' | 'keyvault';

export interface CloudEndpoints {
  /** Stable name kept in settings: public, usgov, china, or custom. */
  name: string;
  displayName: string;
  /** https://login.microsoftonline.com, without a trailing slash. */
  loginHost: string;
  graphApi: string;
  partnerCenterApi: string;
  /** Azure Resource Manager, where subscriptions and their key vaults are listed. */
  resourceManagerApi: string;
  /** Exchange Online's admin REST endpoint host (`{host}/adminapi/beta/{tenant}/InvokeCommand`), the readiness probe's. */
  exchangeAdminApi: string;
  /**
   * Where this cloud's key vaults live: `https://{vault}.{dnsSuffix}`, or (the simulated cloud)
   * `{pathBase}{vault}`. Suffixes: https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates
   */
  keyVault: { dnsSuffix: string; pathBase?: string };
  /** Resource identifiers, redeemed as `{resource}/.default`. */
  resources: Record<ResourceName, string>;
}

const publicResources: Record<ResourceName, string> = {
  azure: 'https://management.azure.com',
  graph: 'https://graph.microsoft.com',
  exchange: 'https://outlook.office365.com',
  partnercenter: 'https://api.partnercenter.microsoft.com',
  aadgraph: 'https://graph.windows.net',
  keyvault: 'https://vault.azure.net',
};

export const namedClouds: Record<string, CloudEndpoints> = {
  public: {
    name: 'public',
    displayName: 'Microsoft public cloud',
    loginHost: 'https://login.microsoftonline.com',
    graphApi: 'https://graph.microsoft.com',
    partnerCenterApi: 'https://api.partnercenter.microsoft.com',
    resourceManagerApi: 'https://management.azure.com',
    exchangeAdminApi: 'https://outlook.office365.com',
    keyVault: { dnsSuffix: 'vault.azure.net' },
    resources: publicResources,
  },
  usgov: {
    name: 'usgov',
    displayName: 'Microsoft US Government cloud',
    loginHost: 'https://login.microsoftonline.us',
    graphApi: 'https://graph.microsoft.us',
    partnerCenterApi: 'https://api.partnercenter.microsoft.com',
    resourceManagerApi: 'https://management.usgovcloudapi.net',
    exchangeAdminApi: 'https://outlook.office365.us',
    keyVault: { dnsSuffix: 'vault.usgovcloudapi.net' },
    resources: {
      azure: 'https://management.usgovcloudapi.net',
      graph: 'https://graph.microsoft.us',
      exchange: 'https://outlook.office365.us',
      partnercenter: 'https://api.partnercenter.microsoft.com',
      aadgraph: 'https://graph.windows.net',
      keyvault: 'https://vault.usgovcloudapi.net',
    },
  },
  china: {
    name: 'china',
    displayName: 'Microsoft Azure operated by 21Vianet (China)',
    loginHost: 'https://login.chinacloudapi.cn',
    graphApi: 'https://microsoftgraph.chinacloudapi.cn',
    partnerCenterApi: 'https://partner.partnercenterapi.microsoftonline.cn',
    resourceManagerApi: 'https://management.chinacloudapi.cn',
    exchangeAdminApi: 'https://partner.outlook.cn',
    keyVault: { dnsSuffix: 'vault.azure.cn' },
    resources: {
      azure: 'https://management.chinacloudapi.cn',
      graph: 'https://microsoftgraph.chinacloudapi.cn',
      exchange: 'https://partner.outlook.cn',
      partnercenter: 'https://partner.partnercenterapi.microsoftonline.cn',
      aadgraph: 'https://graph.chinacloudapi.cn',
      keyvault: 'https://vault.azure.cn',
    },
  },
};

/**
 * Resolves a cloud setting: a named cloud, or an https base URL under which login, `/graph`,
 * `/partnercenter`, `/arm`, `/exchange` and `/keyvault/{vault}` live (the simulated cloud). Resource identifiers stay the public ones: they are
 * names in tokens, not addresses.
 */
export function resolveCloud(setting: string | undefined): CloudEndpoints {
  const value = (setting ?? 'public').trim();
  const named = namedClouds[value];
  if (named) return named;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`The cloud setting "${value}" is neither public, usgov, china nor an https URL.`);
  }
  if (url.protocol !== 'https:') throw new Error(`The cloud URL must use https: ${url.origin}`);
  const base = url.origin;
  return {
    name: 'custom',
    displayName: 'Simulated cloud',
    loginHost: base,
    graphApi: `${base}/graph`,
    partnerCenterApi: `${base}/partnercenter`,
    resourceManagerApi: `${base}/arm`,
    exchangeAdminApi: `${base}/exchange`,
    keyVault: { dnsSuffix: 'vault.azure.net', pathBase: `${base}/keyvault/` },
    resources: publicResources,
  };
}

/**
 * The hosts a profile's tokens may go to, recorded when it is consented: its login host, and the
 * API hosts its access tokens are sent to (Key Vault as `https://*.{suffix}`, a vault per host).
 */
export interface CloudBinding {
  loginHost: string;
  apiHosts: string[];
}

export function cloudBinding(cloud: CloudEndpoints): CloudBinding {
  const vaults = cloud.keyVault.pathBase ? new URL(cloud.keyVault.pathBase).origin : `https://*.${cloud.keyVault.dnsSuffix}`;
  const apis = [cloud.graphApi, cloud.partnerCenterApi, cloud.resourceManagerApi, cloud.exchangeAdminApi].map((url) => new URL(url).origin);
  return { loginHost: new URL(cloud.loginHost).origin, apiHosts: [...new Set([...apis, vaults])].sort() };
}

/**
 * Whether a profile bound to `recorded` belongs to the cloud of `current`: the same login host, and
 * every host it recorded still the cloud's (a later SAM Desk may call one more API of the same cloud).
 */
export function sameBinding(recorded: CloudBinding, current: CloudBinding): boolean {
  return recorded.loginHost === current.loginHost && recorded.apiHosts.every((host) => current.apiHosts.includes(host));
}

/** Whether a request to `url` stays inside the cloud: its login host or one of its API hosts, over https. */
export function withinCloud(cloud: CloudEndpoints, url: URL): boolean {
  const { loginHost, apiHosts } = cloudBinding(cloud);
  return [loginHost, ...apiHosts].some((host) =>
    host.startsWith('https://*.') ? url.protocol === 'https:' && url.port === '' && url.hostname.endsWith(host.slice('https://*'.length)) : url.origin === host,
  );
}
