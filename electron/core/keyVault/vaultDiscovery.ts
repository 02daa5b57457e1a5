import type { VaultChoice } from '../../ipc/keyVault';
import type { CloudEndpoints } from '../../shared/cloud';
import { readJson, type HttpClient } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { KeyVaultError } from './keyVaultErrors';

interface ArmPage<T> {
  value?: T[];
  nextLink?: string | null;
}

interface ArmSubscription {
  subscriptionId: string;
  displayName: string;
  state: string;
}

interface ArmVault {
  id: string;
  name: string;
  location: string;
  properties?: { vaultUri?: string; enableRbacAuthorization?: boolean };
}

/** Pages followed at most; a partner with more subscriptions than this pastes the URL. */
const MAX_PAGES = 20;

/**
 * The key vaults in the partner's own Azure subscriptions, from Azure Resource Manager, with an
 * Azure token minted from the profile's refresh token:
 * Subscriptions - List (https://learn.microsoft.com/rest/api/resources/subscriptions/list), then
 * Vaults - List By Subscription (https://learn.microsoft.com/rest/api/keyvault/keyvault/vaults/list-by-subscription),
 * whose `properties.vaultUri` is the address to publish to.
 */
export class VaultDiscovery {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly keeper: RefreshTokenKeeper,
  ) {}

  async list(profileId: string): Promise<VaultChoice[]> {
    const profile = await this.keeper.profile(profileId);
    const { accessToken } = await this.keeper.redeem(profileId, profile.partnerTenantId, 'azure');
    const subscriptions = await this.all<ArmSubscription>(`${this.cloud.resourceManagerApi}/subscriptions?api-version=2022-12-01`, accessToken);
    const usable = subscriptions.filter((subscription) => subscription.state === 'Enabled' || subscription.state === 'Warned');
    const perSubscription = await Promise.all(
      usable.map(async (subscription) => {
        const url = `${this.cloud.resourceManagerApi}/subscriptions/${encodeURIComponent(subscription.subscriptionId)}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`;
        const vaults = await this.all<ArmVault>(url, accessToken);
        return vaults.flatMap((vault): VaultChoice[] =>
          vault.properties?.vaultUri
            ? [
                {
                  name: vault.name,
                  vaultUrl: vault.properties.vaultUri,
                  subscription: subscription.displayName,
                  resourceGroup: /\/resourceGroups\/([^/]+)/i.exec(vault.id)?.[1] ?? '',
                  location: vault.location,
                  rbac: vault.properties.enableRbacAuthorization === true,
                },
              ]
            : [],
        );
      }),
    );
    return perSubscription.flat().sort((a, b) => a.name.localeCompare(b.name));
  }

  private async all<T>(firstUrl: string, accessToken: string): Promise<T[]> {
    const items: T[] = [];
    let url: string | null | undefined = firstUrl;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const response = await this.http.send({ method: 'GET', url, headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
      const body = readJson<ArmPage<T> & { error?: { code?: string; message?: string } }>(response);
      if (response.status !== 200 || !body) {
        throw new KeyVaultError(
          `${response.status} — Azure did not list your key vaults`,
          `Azure Resource Manager refused to list the subscriptions’ key vaults (${body?.error?.code ?? `HTTP ${response.status}`}).`,
          'Paste the vault’s URL instead (its Vault URI on the vault’s Overview page).',
          body?.error?.code ?? `HTTP${response.status}`,
          response.status,
          'after-fix',
        );
      }
      items.push(...(body.value ?? []));
      // The Azure token goes to Resource Manager only, whatever a nextLink says.
      url = body.nextLink && new URL(body.nextLink).origin === new URL(this.cloud.resourceManagerApi).origin ? body.nextLink : undefined;
    }
    return items;
  }
}
