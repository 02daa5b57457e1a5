/**
 * What SAM Desk writes to a vault and under which names. Pure: the one place for the two name
 * schemes, the content types and the tags every secret carries.
 */
import type { VaultNameScheme, VaultSecretNames } from '../../ipc/keyVault';
import { REFRESH_TOKEN_INACTIVITY_MS } from '../lifetime/lifetime';

/**
 * SAM Desk's own names (the ones its script snippets always used), or CIPP's exact names, which
 * CIPP reads at start (`Get-CIPPAuthentication.ps1`: ApplicationID, ApplicationSecret, TenantID,
 * RefreshToken; https://github.com/KelvinTegelaar/CIPP-API), so a CIPP deployment or a runbook
 * written for it reads them unchanged.
 */
export const secretNameSchemes: Record<VaultNameScheme, VaultSecretNames> = {
  samdesk: {
    refreshToken: 'SAMDesk-RefreshToken',
    applicationId: 'SAMDesk-ApplicationId',
    applicationSecret: 'SAMDesk-ClientSecret',
    tenantId: 'SAMDesk-TenantId',
  },
  cipp: {
    refreshToken: 'RefreshToken',
    applicationId: 'ApplicationID',
    applicationSecret: 'ApplicationSecret',
    tenantId: 'TenantID',
  },
};

export type VaultSecretKind = keyof VaultSecretNames;

/** Key Vault's contentType is free text (at most 255 characters); these say what each value is. */
export const secretContentTypes: Record<VaultSecretKind, string> = {
  refreshToken: 'Refresh token (Secure Application Model, rotates on every use)',
  applicationId: 'Application (client) ID of the SAM app',
  applicationSecret: 'Client secret of the SAM app',
  tenantId: 'Partner tenant ID',
};

/** The vault's copy expires with the refresh token: 90 days after its last use. */
export function vaultExpiry(lastUsedAt: string): Date {
  return new Date(Date.parse(lastUsedAt) + REFRESH_TOKEN_INACTIVITY_MS);
}

export const tagNames = { profile: 'profile', admin: 'admin', rotatedAt: 'rotated-at', writtenBy: 'written-by' } as const;

/** Key Vault allows 256 characters per tag value. */
const TAG_LIMIT = 256;

export interface SecretTagValues {
  profileName: string;
  admin: string;
  /** When the refresh token in this set was issued (its last redemption). */
  rotatedAt: string;
  writtenBy: string;
}

export function secretTags(values: SecretTagValues): Record<string, string> {
  return {
    [tagNames.profile]: values.profileName.slice(0, TAG_LIMIT),
    [tagNames.admin]: values.admin.slice(0, TAG_LIMIT),
    [tagNames.rotatedAt]: values.rotatedAt,
    [tagNames.writtenBy]: values.writtenBy.slice(0, TAG_LIMIT),
  };
}

/** When a version's refresh token was issued: its rotated-at tag, else when the version was created. */
export function rotatedAtOf(tags: Record<string, string> | undefined, createdOn: Date | undefined): number {
  const tagged = Date.parse(tags?.[tagNames.rotatedAt] ?? '');
  return Number.isNaN(tagged) ? (createdOn?.getTime() ?? 0) : tagged;
}

/** Written by SAM Desk: its written-by tag starts with "SAM Desk". */
export function writtenBySamDesk(tags: Record<string, string> | undefined): boolean {
  return (tags?.[tagNames.writtenBy] ?? '').startsWith('SAM Desk');
}
