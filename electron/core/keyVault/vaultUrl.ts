import type { CloudEndpoints } from '../../shared/cloud';

/** A vault SAM Desk may send a refresh token to: its normalized URL and its name. */
export interface VaultAddress {
  /** `https://{name}.{dnsSuffix}/`, or under the simulated cloud `{pathBase}{name}/`. */
  url: string;
  name: string;
}

/** A pasted vault URL that is not one; the message says what is wrong with it in plain words. */
export class InvalidVaultUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidVaultUrlError';
  }
}

/**
 * "Vault name: 3-24 character string, containing only 0-9, a-z, A-Z, and not consecutive -"
 * (https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates); it also
 * starts with a letter and ends with a letter or digit (Azure's resource naming rules).
 */
const VAULT_NAME = /^[a-z](?!.*--)[a-z0-9-]{1,22}[a-z0-9]$/i;

const otherClouds = ['vault.azure.net', 'vault.usgovcloudapi.net', 'vault.azure.cn'];

/**
 * Checks a vault URL (or a bare vault name) against the cloud SAM Desk is set to, and returns it
 * normalized. The refresh token goes only to an https address on the cloud's own Key Vault
 * domain; the simulated cloud's path-based vaults are accepted only when the cloud is that one.
 */
export function parseVaultUrl(input: string, cloud: CloudEndpoints): VaultAddress {
  const text = input.trim();
  const example = exampleUrl(cloud);
  if (!text) throw new InvalidVaultUrlError(`Enter the vault’s URL, for example ${example}.`);
  if (VAULT_NAME.test(text)) return addressOf(text.toLowerCase(), cloud);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidVaultUrlError(`“${text.slice(0, 80)}” is not a vault URL. A vault’s URL looks like ${example} (its Vault URI on the vault’s Overview page).`);
  }
  if (url.protocol !== 'https:') throw new InvalidVaultUrlError(`A vault URL starts with https://; SAM Desk never sends a refresh token over ${url.protocol.replace(':', '')}.`);
  if (url.hostname.endsWith('portal.azure.com')) {
    throw new InvalidVaultUrlError('That is a link to the Azure portal. Open the vault there and copy its Vault URI from the Overview page.');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidVaultUrlError(`That URL has more in it than a vault’s address. Paste only the Vault URI, like ${example}.`);
  }
  if (cloud.keyVault.pathBase) return simulatedAddress(url, cloud.keyVault.pathBase);
  const suffix = cloud.keyVault.dnsSuffix;
  const otherSuffix = otherClouds.find((candidate) => candidate !== suffix && url.hostname.endsWith(`.${candidate}`));
  if (otherSuffix) {
    throw new InvalidVaultUrlError(`That vault is in another Microsoft cloud (${otherSuffix}). SAM Desk is set to the ${cloud.displayName}, whose vaults end in .${suffix}.`);
  }
  if (!url.hostname.endsWith(`.${suffix}`)) throw new InvalidVaultUrlError(`${url.hostname} is not a Key Vault address: in the ${cloud.displayName} vault URLs end in .${suffix}.`);
  const name = url.hostname.slice(0, -suffix.length - 1);
  if (!VAULT_NAME.test(name)) throw new InvalidVaultUrlError(`“${name}” is not a vault name: 3 to 24 letters, digits and single dashes, starting with a letter.`);
  if (url.port && url.port !== '443') throw new InvalidVaultUrlError('A vault answers on the standard https port only; remove the port from the URL.');
  if (url.pathname !== '/') throw new InvalidVaultUrlError(`Paste the vault’s address only, without a path: ${addressOf(name, cloud).url}`);
  return addressOf(name, cloud);
}

function simulatedAddress(url: URL, pathBase: string): VaultAddress {
  const base = new URL(pathBase);
  const match = /^\/keyvault\/([^/]+)\/?$/.exec(url.pathname);
  if (url.origin !== base.origin || !match || !VAULT_NAME.test(match[1]!)) {
    throw new InvalidVaultUrlError(`SAM Desk is set to the simulated cloud, which serves vaults at ${pathBase}NAME/ only.`);
  }
  return { url: `${pathBase}${match[1]!.toLowerCase()}/`, name: match[1]!.toLowerCase() };
}

function addressOf(name: string, cloud: CloudEndpoints): VaultAddress {
  return { url: cloud.keyVault.pathBase ? `${cloud.keyVault.pathBase}${name}/` : `https://${name}.${cloud.keyVault.dnsSuffix}/`, name };
}

function exampleUrl(cloud: CloudEndpoints): string {
  return addressOf('contoso-sam', cloud).url;
}
