import type { VaultNameScheme, VaultPublication } from '../../ipc/keyVault';
import { applicationIdSchema, refreshTokenSchema } from '../../ipc/schemas';
import { cloudBinding, type CloudEndpoints } from '../../shared/cloud';
import type { ExtraCa } from '../config/environment';
import { SignInSlot } from '../identity/consent';
import { hasMfaClaim, readClaims, userOf } from '../identity/jwt';
import type { TokenClient } from '../identity/tokenClient';
import type { ProfileRecord } from '../profiles/profileStore';
import type { ProfileService } from '../profiles/profileService';
import { KeyVaultError } from './keyVaultErrors';
import type { PublicationStore } from './publicationStore';
import { ReaderCredential, type VaultReaderSignIn } from './readerSignIn';
import { secretNameSchemes, tagNames } from './secretNames';
import { createSecretClient, VaultSecrets, type StoredSecret } from './vaultSecrets';
import { toPublication, type KeyVaultSync } from './vaultSync';
import { parseVaultUrl, type VaultAddress } from './vaultUrl';

export interface VaultJoinDependencies {
  cloud: CloudEndpoints;
  extraCa?: ExtraCa;
  tokenClient: TokenClient;
  /** Files the joined profile (keychain entries, then metadata). */
  accounts: ProfileService;
  store: PublicationStore;
  sync: KeyVaultSync;
  now: () => Date;
}

export interface JoinRequest {
  vaultUrl: string;
  /** Omitted: SAM Desk's names, else CIPP's, whichever the vault holds. */
  names?: VaultNameScheme;
}

/**
 * A teammate's profile from a vault: they sign in to read it, the refresh token found there is
 * tried (one redemption, whose rotated token is kept), a copy goes to the keychain with the
 * profile beside it, and from then on the profile is published to that vault like any other.
 * Nothing is stored unless the vault's token works.
 */
export class VaultJoin {
  private readonly slot = new SignInSlot();

  constructor(private readonly deps: VaultJoinDependencies) {}

  join(request: JoinRequest, signInFor: (cancel: () => void) => VaultReaderSignIn): Promise<{ profile: ProfileRecord; publication: VaultPublication }> {
    const address = parseVaultUrl(request.vaultUrl, this.deps.cloud);
    return this.slot.run(async (signal, cancel) => {
      const credential = new ReaderCredential(signInFor(cancel), this.deps.cloud.resources.keyvault, signal);
      const client = createSecretClient(address.url, credential, this.deps.cloud, this.deps.extraCa);
      const found = await this.readSet(address, (names) => new VaultSecrets(client, secretNameSchemes[names], { vaultName: address.name, readOnly: true }), request.names);
      const profile = await this.keep(found);
      const now = this.deps.now().toISOString();
      await this.deps.store.update(profile.id, () => ({
        profileId: profile.id,
        vaultUrl: address.url,
        vaultName: address.name,
        names: found.names,
        publishedAt: now,
        pending: true,
        knownVersion: found.refreshToken.properties.version,
      }));
      // The redemption above rotated the token: the vault gets the new one, with the profile's own Key Vault token.
      const publication = await this.deps.sync.sync(profile.id).catch(async () => toPublication((await this.deps.store.get(profile.id))!));
      return { profile, publication };
    });
  }

  cancel(): void {
    this.slot.cancel();
  }

  private async readSet(address: VaultAddress, secretsFor: (names: VaultNameScheme) => VaultSecrets, names: VaultNameScheme | undefined) {
    for (const scheme of names ? [names] : (['samdesk', 'cipp'] as const)) {
      const secrets = secretsFor(scheme);
      const refreshToken = await secrets.read('refreshToken');
      if (!refreshToken) continue;
      const applicationId = await secrets.read('applicationId');
      const tenantId = await secrets.read('tenantId');
      const applicationSecret = await secrets.read('applicationSecret');
      return { names: scheme, refreshToken, applicationId: requireValue(applicationId, secrets.names.applicationId, address), tenantId: requireValue(tenantId, secrets.names.tenantId, address), applicationSecret };
    }
    const looked = names ? secretNameSchemes[names].refreshToken : `${secretNameSchemes.samdesk.refreshToken} or ${secretNameSchemes.cipp.refreshToken}`;
    throw notHere(`There is no refresh token in ${address.name} under ${looked}.`, 'Check the vault URL, and ask whoever published the token which names it uses.');
  }

  /** Tries the vault's token, then files the rotated one under a profile (an existing one for this tenant, app and admin). */
  private async keep(found: Awaited<ReturnType<VaultJoin['readSet']>>): Promise<ProfileRecord> {
    const refreshToken = refreshTokenSchema.safeParse(found.refreshToken.value);
    if (!refreshToken.success) throw notHere(`The ${found.refreshToken.properties.name} secret does not hold a refresh token.`, 'Publish it again from SAM Desk, or put the whole token there.');
    const clientId = applicationIdSchema.safeParse(found.applicationId.value);
    if (!clientId.success) throw notHere(`The ${found.applicationId.properties.name} secret does not hold an application id.`, undefined);
    const clientSecret = found.applicationSecret?.value.trim() || undefined;
    const redeemed = await this.deps.tokenClient.redeem({
      clientId: clientId.data,
      clientSecret,
      refreshToken: refreshToken.data,
      tenantId: found.tenantId.value.trim(),
      resource: 'keyvault',
    });
    const claims = readClaims(redeemed.accessToken);
    const partnerTenantId = (claims.tid ?? found.tenantId.value.trim()).toLowerCase();
    const user = userOf(claims);
    const now = this.deps.now().toISOString();
    return this.deps.accounts.add({
      partnerTenantId,
      clientId: clientId.data,
      user,
      refreshToken: redeemed.refreshToken,
      ...(clientSecret ? { clientSecret } : {}),
      describe: (existing) => ({
        name: existing?.name ?? found.refreshToken.properties.tags?.[tagNames.profile] ?? user.split('@')[1] ?? user,
        cloud: this.deps.cloud.name,
        boundTo: cloudBinding(this.deps.cloud),
        mfa: hasMfaClaim(claims),
        issuedAt: existing?.issuedAt ?? now,
        lastRedeemedAt: now,
      }),
    });
  }
}

function requireValue(secret: StoredSecret | undefined, name: string, address: VaultAddress): StoredSecret {
  if (!secret) throw notHere(`${address.name} has a refresh token but no ${name}, so SAM Desk cannot tell which app it belongs to.`, 'Publish the profile again from SAM Desk, which writes the whole set.');
  return secret;
}

function notHere(message: string, action: string | undefined): KeyVaultError {
  return new KeyVaultError('Nothing to join in this vault', message, action, 'NothingToJoin', undefined, 'after-fix');
}
