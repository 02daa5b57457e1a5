/** Azure Key Vault: a profile's published copy and the vaults to choose from. */
import { z } from 'zod';

/** SAM Desk's secret names, or CIPP's exact ones (ApplicationID, ApplicationSecret, TenantID, RefreshToken). */
export const vaultNameSchemeSchema = z.enum(['samdesk', 'cipp']);
export type VaultNameScheme = z.infer<typeof vaultNameSchemeSchema>;

/** A vault URL or name as typed; main checks it against the cloud's Key Vault domain. */
export const vaultUrlSchema = z
  .string()
  .max(300, 'That is too long for a vault URL.')
  .trim()
  .min(1, 'Enter the vault’s URL, for example https://contoso-sam.vault.azure.net/.');

export interface VaultSecretNames {
  refreshToken: string;
  applicationId: string;
  applicationSecret: string;
  tenantId: string;
}

/** A vault found in the partner's subscriptions (Azure Resource Manager). */
export interface VaultChoice {
  name: string;
  vaultUrl: string;
  subscription: string;
  resourceGroup: string;
  location: string;
  /** The vault uses Azure RBAC (Key Vault Secrets Officer / User), not access policies. */
  rbac: boolean;
}

/** Where a profile's refresh token is published and how that copy stands; never a secret. */
export interface VaultPublication {
  profileId: string;
  vaultUrl: string;
  vaultName: string;
  names: VaultNameScheme;
  secretNames: VaultSecretNames;
  publishedAt: string;
  /** in-sync: the vault holds the token the keychain holds; pending: a rotation waits to be pushed. */
  state: 'in-sync' | 'pending' | 'failed';
  lastPushedAt?: string;
  /** A newer token someone else wrote to the vault was taken into the keychain. */
  lastAdoptedAt?: string;
  /** When SAM Desk last compared the vault's copy with the keychain's. */
  lastCheckedAt?: string;
  /** The refresh token's current version in the vault, as SAM Desk last saw it. */
  currentVersion?: { version: string; createdAt: string; bySamDesk: boolean };
  /** The vault copy's expiry attribute: 90 days after the token's last use. */
  expiresAt?: string;
  error?: VaultFailure;
}

export interface VaultFailure {
  /** For the status line, e.g. "403 — you need the Key Vault Secrets Officer role on this vault". */
  summary: string;
  message: string;
  action?: string;
  code: string;
  at: string;
  /** When SAM Desk tries again by itself. */
  nextAttemptAt?: string;
}
