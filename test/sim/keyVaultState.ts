/**
 * Azure Key Vault's data plane, as state: vaults, their secrets with every version, soft-deleted
 * secrets, who holds which data-plane role, and a throttle switch. Unlike the identity state, a
 * vault must give values back, so it holds them (in memory only; the simulator writes none to disk).
 *
 * Sources (one per rule; test/sim/README.md, "Azure Key Vault and Azure Resource Manager"):
 * - secrets, versions, attributes, limits: https://learn.microsoft.com/azure/key-vault/secrets/about-secrets
 * - names and identifiers: https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates
 * - roles and their data actions: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security
 * - soft delete: https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview
 */
import { randomBytes } from 'node:crypto';

export type KeyVaultRole = 'Key Vault Administrator' | 'Key Vault Secrets Officer' | 'Key Vault Secrets User' | 'Key Vault Reader';

/** The data actions the secret operations need (the role-definition names). */
export type SecretAction = 'setSecret/action' | 'getSecret/action' | 'readMetadata/action' | 'update/action' | 'delete' | 'recover/action' | 'purge/action';

/** Each built-in role's data actions on secrets: Officer and Administrator `secrets/*`, User get + readMetadata, Reader readMetadata. */
const roleActions: Record<KeyVaultRole, ReadonlySet<SecretAction> | 'all'> = {
  'Key Vault Administrator': 'all',
  'Key Vault Secrets Officer': 'all',
  'Key Vault Secrets User': new Set(['getSecret/action', 'readMetadata/action']),
  'Key Vault Reader': new Set(['readMetadata/action']),
};

export const KEY_VAULT_ROLES = Object.keys(roleActions) as KeyVaultRole[];

export interface SecretVersion {
  version: string;
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled: boolean;
  /** Seconds since the epoch, on the sim clock (Key Vault's IntDate). */
  nbf?: number;
  exp?: number;
  created: number;
  updated: number;
}

export interface VaultSecret {
  name: string;
  /** Oldest first; the last is the current version. */
  versions: SecretVersion[];
}

export interface DeletedSecret {
  secret: VaultSecret;
  deletedDate: number;
  scheduledPurgeDate: number;
}

export interface SimVault {
  name: string;
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** Soft-deleted secrets are kept this many days (7–90, default 90). */
  softDeleteRetentionDays: number;
  secrets: Map<string, VaultSecret>;
  deleted: Map<string, DeletedSecret>;
  /** user oid → data-plane roles on this vault (the RBAC permission model). */
  roles: Map<string, Set<KeyVaultRole>>;
  /** The next `count` authorized requests answer 429 (-1: all of them). */
  throttle: { count: number; retryAfterSeconds?: number };
}

/** "1-127 characters, containing only 0-9, a-z, A-Z, and -." */
export const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/;
/** "with a maximum size of 25k bytes each" */
export const MAX_SECRET_VALUE_BYTES = 25 * 1024;
export const MAX_CONTENT_TYPE = 255;
/** "up to 15 tags, each of which can have a 256 character name and a 256 character value" */
export const MAX_TAGS = 15;
export const MAX_TAG_LENGTH = 256;

export class KeyVaultState {
  readonly vaults = new Map<string, SimVault>();

  add(vault: Omit<SimVault, 'secrets' | 'deleted' | 'roles' | 'throttle' | 'softDeleteRetentionDays'> & { softDeleteRetentionDays?: number }): SimVault {
    const created: SimVault = {
      softDeleteRetentionDays: 90,
      ...vault,
      secrets: new Map(),
      deleted: new Map(),
      roles: new Map(),
      throttle: { count: 0 },
    };
    this.vaults.set(vault.name.toLowerCase(), created);
    return created;
  }

  find(name: string): SimVault | undefined {
    return this.vaults.get(name.toLowerCase());
  }

  assignRole(vault: SimVault, userOid: string, role: KeyVaultRole): void {
    let roles = vault.roles.get(userOid);
    if (!roles) vault.roles.set(userOid, (roles = new Set()));
    roles.add(role);
  }

  /** Whether any of the user's roles on the vault grants the data action. */
  allows(vault: SimVault, userOid: string, action: SecretAction): boolean {
    return [...(vault.roles.get(userOid) ?? [])].some((role) => {
      const actions = roleActions[role];
      return actions === 'all' || actions.has(action);
    });
  }

  /** "If the named secret already exists, Azure Key Vault creates a new version." */
  setSecret(vault: SimVault, name: string, fields: Omit<SecretVersion, 'version' | 'created' | 'updated'>, nowSeconds: number): SecretVersion {
    const key = name.toLowerCase();
    let secret = vault.secrets.get(key);
    if (!secret) vault.secrets.set(key, (secret = { name, versions: [] }));
    const version: SecretVersion = { ...fields, version: randomBytes(16).toString('hex'), created: nowSeconds, updated: nowSeconds };
    secret.versions.push(version);
    return version;
  }

  /** Soft delete: the secret and all its versions move to the deleted list, recoverable until purged. */
  deleteSecret(vault: SimVault, name: string, nowSeconds: number): DeletedSecret | undefined {
    const key = name.toLowerCase();
    const secret = vault.secrets.get(key);
    if (!secret) return undefined;
    vault.secrets.delete(key);
    const deleted = { secret, deletedDate: nowSeconds, scheduledPurgeDate: nowSeconds + vault.softDeleteRetentionDays * 86_400 };
    vault.deleted.set(key, deleted);
    return deleted;
  }

  recoverSecret(vault: SimVault, name: string): VaultSecret | undefined {
    const key = name.toLowerCase();
    const deleted = vault.deleted.get(key);
    if (!deleted) return undefined;
    vault.deleted.delete(key);
    vault.secrets.set(key, deleted.secret);
    return deleted.secret;
  }
}

export function currentVersion(secret: VaultSecret): SecretVersion {
  return secret.versions[secret.versions.length - 1]!;
}
