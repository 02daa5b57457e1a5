import { hostname } from 'node:os';
import type { VaultNameScheme, VaultPublication } from '../../ipc/keyVault';
import type { EventSink } from '../app/events';
import type { Logger } from '../app/logger';
import type { CloudEndpoints } from '../../shared/cloud';
import type { ExtraCa } from '../config/environment';
import { NotConsentedError, type RefreshTokenKeeper } from '../identity/refreshTokens';
import type { TokenClient } from '../identity/tokenClient';
import type { ProfileRecord } from '../profiles/profileStore';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { describeFailure, retryDelayMs } from './failures';
import { KeeperCredential, type KeyVaultTokens } from './keeperCredential';
import { KeyVaultError } from './keyVaultErrors';
import type { PublicationRecord, PublicationStore } from './publicationStore';
import { rotatedAtOf, secretNameSchemes, secretTags, vaultExpiry, writtenBySamDesk, type VaultSecretKind } from './secretNames';
import { createSecretClient, VaultSecrets, type Sleep, type StoredSecret, type WriteAttributes } from './vaultSecrets';
import { parseVaultUrl } from './vaultUrl';

export interface KeyVaultSyncDependencies {
  cloud: CloudEndpoints;
  extraCa?: ExtraCa;
  keeper: RefreshTokenKeeper;
  tokens: KeyVaultTokens;
  /** Tries a refresh token found in the vault before it replaces the keychain's. */
  tokenClient: TokenClient;
  keychain: SecretVault;
  store: PublicationStore;
  events: EventSink;
  logger: Logger;
  now: () => Date;
  sleep?: Sleep;
  /** Rotations within this long go to the vault as one push (the access check rotates often). */
  batchMs?: number;
  /** The written-by tag; "SAM Desk on {computer}". */
  writtenBy?: string;
}

type SyncReason = 'rotation' | 'publish' | 'explicit' | 'retry' | 'check';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keeps a profile's Key Vault copy in step with its keychain: every stored rotation is pushed as
 * a new secret version (batched), a newer version someone else wrote is adopted instead of
 * overwritten, and a failed push is recorded on the profile and tried again. The keychain write
 * never waits for the vault: the keeper only tells this service afterwards.
 */
export class KeyVaultSync {
  /** Rotations seen in this process, and how many of them the vault has received. */
  private readonly rotations = new Map<string, number>();
  private readonly pushed = new Map<string, number>();
  private readonly batchTimers = new Map<string, NodeJS.Timeout>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private background: NodeJS.Timeout | undefined;
  private readonly writtenBy: string;

  constructor(private readonly deps: KeyVaultSyncDependencies) {
    this.writtenBy = deps.writtenBy ?? `SAM Desk on ${hostname()}`;
    deps.keeper.onRotated((profileId) => this.rotated(profileId));
  }

  /** A new refresh token is in the keychain (a redemption or a new consent): the vault follows, batched. */
  rotated(profileId: string): void {
    this.rotations.set(profileId, (this.rotations.get(profileId) ?? 0) + 1);
    if (this.batchTimers.has(profileId)) return;
    const timer = setTimeout(() => {
      this.batchTimers.delete(profileId);
      void this.queue(profileId, 'rotation').catch(() => undefined);
    }, this.deps.batchMs ?? 2_000);
    timer.unref();
    this.batchTimers.set(profileId, timer);
  }

  async list(): Promise<VaultPublication[]> {
    return (await this.deps.store.list()).map(toPublication);
  }

  async publication(profileId: string): Promise<VaultPublication | undefined> {
    const record = await this.deps.store.get(profileId);
    return record && toPublication(record);
  }

  /** Starts publishing: records where (so a failure shows and is retried), then writes the set. */
  async publish(profileId: string, vaultUrl: string, names: VaultNameScheme): Promise<VaultPublication> {
    const address = parseVaultUrl(vaultUrl, this.deps.cloud);
    await this.deps.keeper.profile(profileId);
    const now = this.deps.now().toISOString();
    await this.deps.store.update(profileId, (existing) => ({
      profileId,
      vaultUrl: address.url,
      vaultName: address.name,
      names,
      publishedAt: now,
      pending: true,
      // The same vault and names again: what SAM Desk wrote there is still its own.
      ...(existing && existing.vaultUrl === address.url && existing.names === names ? { knownVersion: existing.knownVersion } : {}),
    }));
    return this.queue(profileId, 'publish');
  }

  /** Pushes now (or adopts); `recoverDeleted` first brings back soft-deleted secrets of the set. */
  sync(profileId: string, options: { recoverDeleted?: boolean } = {}): Promise<VaultPublication> {
    return this.queue(profileId, 'explicit', options.recoverDeleted);
  }

  /** Stops publishing. With `deleteSecrets`, the set SAM Desk wrote is soft-deleted from the vault first. */
  async unpublish(profileId: string, deleteSecrets: boolean): Promise<void> {
    const record = await this.deps.store.get(profileId);
    if (!record) return;
    if (deleteSecrets) {
      const secrets = await this.secretsFor(record);
      // The refresh token is ours to delete; the others only where SAM Desk wrote them.
      await secrets.remove('refreshToken');
      for (const kind of ['applicationSecret', 'applicationId', 'tenantId'] as const) {
        const stored = await secrets.read(kind);
        if (stored && writtenBySamDesk(stored.properties.tags)) await secrets.remove(kind);
      }
    }
    this.forget(profileId);
    await this.deps.store.remove(profileId);
    this.deps.events.emit('keyVault.changed', { profileId });
  }

  /** Runs every batched push now and waits for all of them (the CLI, before it exits). */
  async flush(): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const due = [...this.batchTimers.entries()];
      for (const [profileId, timer] of due) {
        clearTimeout(timer);
        this.batchTimers.delete(profileId);
        void this.queue(profileId, 'rotation').catch(() => undefined);
      }
      const running = [...this.chains.values()];
      if (due.length === 0 && running.length === 0) return;
      await Promise.allSettled(running);
    }
  }

  /** While the app runs: catch up at once, then check every vault for newer versions and retry failures. */
  startBackground(intervalMs = 15 * 60_000): () => void {
    const checkAll = async () => {
      for (const record of await this.deps.store.list().catch(() => [])) {
        void this.queue(record.profileId, record.pending || record.failure ? 'retry' : 'check').catch(() => undefined);
      }
    };
    this.background = setInterval(() => void checkAll(), intervalMs);
    this.background.unref();
    void checkAll();
    return () => {
      clearInterval(this.background);
      this.background = undefined;
      for (const timer of this.retryTimers.values()) clearTimeout(timer);
      this.retryTimers.clear();
    };
  }

  /** The vault client for a record, with a credential backed by the profile's own refresh token. */
  async secretsFor(record: PublicationRecord, profile?: ProfileRecord): Promise<VaultSecrets> {
    const owner = profile ?? (await this.deps.keeper.profile(record.profileId));
    const credential = new KeeperCredential(this.deps.tokens, owner.id, owner.partnerTenantId, this.deps.cloud.resources.keyvault);
    const client = createSecretClient(record.vaultUrl, credential, this.deps.cloud, this.deps.extraCa);
    return new VaultSecrets(client, secretNameSchemes[record.names], { vaultName: record.vaultName, admin: owner.user }, this.deps.sleep);
  }

  forget(profileId: string): void {
    clearTimeout(this.batchTimers.get(profileId));
    clearTimeout(this.retryTimers.get(profileId));
    this.batchTimers.delete(profileId);
    this.retryTimers.delete(profileId);
    this.deps.tokens.forget(profileId);
  }

  /** One sync at a time per profile; a rotation during one queues the next. */
  private queue(profileId: string, reason: SyncReason, recoverDeleted = false): Promise<VaultPublication> {
    const previous = this.chains.get(profileId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.syncOnce(profileId, reason, recoverDeleted));
    this.chains.set(profileId, next);
    void next.finally(() => this.chains.get(profileId) === next && this.chains.delete(profileId)).catch(() => undefined);
    return next;
  }

  private async syncOnce(profileId: string, reason: SyncReason, recoverDeleted: boolean): Promise<VaultPublication> {
    const record = await this.deps.store.get(profileId);
    if (!record) return Promise.reject(new Error('This profile is not published to a key vault.'));
    if (reason === 'rotation' && (this.rotations.get(profileId) ?? 0) <= (this.pushed.get(profileId) ?? 0) && !record.pending) {
      return toPublication(record);
    }
    try {
      const outcome = await this.push(record, recoverDeleted);
      const saved = await this.deps.store.update(profileId, (current) => current && { ...current, ...outcome, failure: undefined });
      clearTimeout(this.retryTimers.get(profileId));
      this.deps.events.emit('keyVault.changed', { profileId });
      // An adopted token moved the profile's last use: its countdown changes.
      if (outcome.lastAdoptedAt) this.deps.events.emit('profiles.changed', {});
      return toPublication(saved ?? { ...record, ...outcome });
    } catch (error) {
      await this.recordFailure(profileId, error);
      throw error;
    }
  }

  /**
   * The push itself. First a Key Vault token (minting one may rotate the refresh token, and the
   * newest is what the vault must get), then the set's other secrets, then the refresh token:
   * adopted when the vault's is someone else's newer one, else written as a new version.
   */
  private async push(record: PublicationRecord, recoverDeleted: boolean): Promise<Partial<PublicationRecord> & { lastCheckedAt: string }> {
    const owner = await this.deps.keeper.profile(record.profileId);
    await this.deps.tokens.get(owner.id, owner.partnerTenantId);
    const generation = this.rotations.get(owner.id) ?? 0;
    const profile = await this.deps.keeper.profile(owner.id);
    const secrets = await this.secretsFor(record, profile);
    if (recoverDeleted) for (const kind of ['tenantId', 'applicationId', 'applicationSecret', 'refreshToken'] as const) await secrets.recover(kind);
    const attributes: WriteAttributes = {
      tags: secretTags({ profileName: profile.name, admin: profile.user, rotatedAt: profile.lastRedeemedAt, writtenBy: this.writtenBy }),
      expiresOn: vaultExpiry(profile.lastRedeemedAt),
    };
    await this.ensureOthers(secrets, profile, attributes, record);
    const local = await this.deps.keychain.get(vaultAccounts.refreshToken(profile.id));
    if (!local) throw new NotConsentedError(profile.name);
    const current = await secrets.read('refreshToken');
    const checkedAt = this.deps.now().toISOString();
    const seen = (stored: StoredSecret) => ({
      knownVersion: stored.properties.version,
      currentVersion: versionOf(stored.properties, writtenBySamDesk(stored.properties.tags)),
      expiresAt: stored.properties.expiresOn?.toISOString(),
      lastCheckedAt: checkedAt,
    });
    if (current && current.value === local) {
      this.pushed.set(profile.id, generation);
      return { ...seen(current), pending: false };
    }
    // Someone else wrote a version since SAM Desk's last push or adoption: the team's copy is the
    // shared one, so it is taken (once it proves to work) rather than overwritten. On a first
    // publish (no version known yet) the admin's own token is what they asked to publish.
    if (current && record.knownVersion !== undefined && current.properties.version !== record.knownVersion) {
      if (await this.works(profile, current.value)) {
        await this.deps.keeper.adopt(profile.id, current.value, new Date(rotatedAtOf(current.properties.tags, current.properties.createdOn)));
        this.deps.tokens.forget(profile.id);
        this.pushed.set(profile.id, generation);
        return { ...seen(current), pending: false, lastAdoptedAt: checkedAt };
      }
      this.deps.logger.warn(`The refresh token in ${record.vaultName} does not work; SAM Desk writes its own over it.`);
    }
    const written = await secrets.write('refreshToken', local, attributes);
    this.pushed.set(profile.id, generation);
    return {
      knownVersion: written.version,
      currentVersion: versionOf(written, true),
      expiresAt: written.expiresOn?.toISOString(),
      lastCheckedAt: checkedAt,
      lastPushedAt: checkedAt,
      pending: (this.rotations.get(profile.id) ?? 0) > generation,
    };
  }

  /**
   * Tenant id, app id and client secret: written where missing; where SAM Desk wrote them, their
   * expiry and tags follow the token's. An app id or tenant id naming something else means another
   * deployment uses these names, and SAM Desk writes nothing there.
   */
  private async ensureOthers(secrets: VaultSecrets, profile: ProfileRecord, attributes: WriteAttributes, record: PublicationRecord): Promise<void> {
    const clientSecret = profile.hasClientSecret ? ((await this.deps.keychain.get(vaultAccounts.clientSecret(profile.id))) ?? undefined) : undefined;
    const wanted: Array<[VaultSecretKind, string | undefined]> = [
      ['tenantId', profile.partnerTenantId],
      ['applicationId', profile.clientId],
      ['applicationSecret', clientSecret],
    ];
    for (const [kind, value] of wanted) {
      if (value === undefined) continue;
      const stored = await secrets.read(kind);
      if (!stored) {
        await secrets.write(kind, value, attributes);
        continue;
      }
      if (kind !== 'applicationSecret' && GUID.test(stored.value.trim()) && stored.value.trim().toLowerCase() !== value.toLowerCase()) {
        throw conflict(record, secrets.names[kind], stored.value.trim(), value);
      }
      // A client secret someone else put there (CIPP renews its own) is theirs; SAM Desk leaves it.
      if (writtenBySamDesk(stored.properties.tags) && stored.properties.version) await secrets.touch(kind, stored.properties.version, attributes);
    }
  }

  /** A token found in the vault is adopted only if it redeems (a broken one would lose the keychain's good one). */
  private async works(profile: ProfileRecord, refreshToken: string): Promise<boolean> {
    const clientSecret = profile.hasClientSecret ? ((await this.deps.keychain.get(vaultAccounts.clientSecret(profile.id))) ?? undefined) : undefined;
    try {
      await this.deps.tokenClient.redeem({ clientId: profile.clientId, clientSecret, refreshToken, tenantId: profile.partnerTenantId, resource: 'keyvault' });
      return true;
    } catch {
      return false;
    }
  }

  private async recordFailure(profileId: string, error: unknown): Promise<void> {
    const failure = describeFailure(error);
    const at = this.deps.now();
    const saved = await this.deps.store
      .update(profileId, (record) => {
        if (!record) return undefined;
        const attempts = (record.failure?.attempts ?? 0) + 1;
        const nextAttemptAt = this.background ? new Date(at.getTime() + retryDelayMs(failure.retry, attempts)).toISOString() : undefined;
        return { ...record, pending: true, failure: { ...failure, at: at.toISOString(), attempts, ...(nextAttemptAt ? { nextAttemptAt } : {}) } };
      })
      .catch(() => undefined);
    this.deps.logger.warn(`The Key Vault copy in ${saved?.vaultName ?? 'the vault'} is not up to date: ${failure.summary}.`);
    this.deps.events.emit('keyVault.changed', { profileId });
    if (this.background && saved?.failure?.nextAttemptAt) {
      clearTimeout(this.retryTimers.get(profileId));
      const timer = setTimeout(() => void this.queue(profileId, 'retry').catch(() => undefined), Date.parse(saved.failure.nextAttemptAt) - at.getTime());
      timer.unref();
      this.retryTimers.set(profileId, timer);
    }
  }
}

function versionOf(properties: { version?: string; createdOn?: Date }, bySamDesk: boolean) {
  return properties.version ? { version: properties.version, createdAt: (properties.createdOn ?? new Date(0)).toISOString(), bySamDesk } : undefined;
}

function conflict(record: PublicationRecord, name: string, found: string, expected: string): KeyVaultError {
  return new KeyVaultError(
    'The vault already holds another app’s secrets under these names',
    `In ${record.vaultName}, ${name} is ${found}, not ${expected}: another deployment reads these names, and writing here would replace its refresh token.`,
    `Publish under ${record.names === 'cipp' ? 'SAM Desk’s' : 'CIPP’s'} names instead, or choose another vault.`,
    'NameConflict',
    undefined,
    'after-fix',
  );
}

export function toPublication(record: PublicationRecord): VaultPublication {
  const { failure, pending, knownVersion: _known, ...rest } = record;
  return {
    ...rest,
    secretNames: secretNameSchemes[record.names],
    state: failure ? 'failed' : pending ? 'pending' : 'in-sync',
    ...(failure
      ? { error: { summary: failure.summary, message: failure.message, action: failure.action, code: failure.code, at: failure.at, nextAttemptAt: failure.nextAttemptAt } }
      : {}),
  };
}
