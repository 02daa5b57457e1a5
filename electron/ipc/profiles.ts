/** A stored partner consent as the window sees it, and what renewal reports. */
import type { UserFacingError } from './errors';

export interface ProfileSummary {
  id: string;
  name: string;
  cloud: string;
  partnerTenantId: string;
  clientId: string;
  /** The signed-in partner admin, e.g. admin@contoso.onmicrosoft.com. */
  user: string;
  mfa: boolean;
  issuedAt: string;
  lastRedeemedAt: string;
  /** Last redemption + 90 days: when the stored refresh token lapses if nothing renews it. */
  refreshTokenExpiresAt: string;
  /** How urgent the refresh token's expiry is, with the user's thresholds. */
  level: LifetimeLevel;
  /** When the refresh token really ends: the earliest of the 90-day limit and any known hard limit. */
  expiresAt: string;
  /** The last renewal that failed, when no redemption has succeeded since. */
  lastError?: RenewalFailureSummary;
  /**
   * Whether the keychain holds this profile's refresh token (main looks; the token never leaves it).
   * Without one the profile is `expired` with a `no-refresh-token` lastError: only a new sign-in helps.
   */
  hasRefreshToken: boolean;
}

/** The lastError code of a profile whose refresh token is missing from the keychain. */
export const NO_REFRESH_TOKEN = 'no-refresh-token';

export type LifetimeLevel = 'healthy' | 'warning' | 'critical' | 'expired' | 'revoked';

export interface RenewalFailureSummary {
  /** "AADSTS700082", or the kind of failure ("network", "keychain") when Microsoft did not answer. */
  code: string;
  at: string;
  /** The plain-language explanation. */
  message: string;
  action?: string;
  /** Only a new sign-in (consent) brings this profile back. */
  reconsent: boolean;
}

export interface RenewalResult {
  profile: ProfileSummary;
  renewed: boolean;
  error?: UserFacingError;
}
