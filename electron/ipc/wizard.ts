/** The consent wizard: SAM app checklist, device code, verification, customer consent. */
import { z } from 'zod';
import type { AccessResource } from './accessCheck';
import type { UserFacingError } from './errors';
import type { ProfileSummary } from './profiles';

/** One line of the SAM app checklist. */
export interface SamAppCheck {
  id: 'multi-tenant' | 'redirect' | 'public-client' | 'permissions' | 'admin-consent' | 'secret';
  label: string;
  status: 'pass' | 'fail' | 'warn';
  detail: string;
}

export interface SamAppResult {
  app: { appId: string; displayName: string };
  checks: SamAppCheck[];
  /** A secret SAM Desk just created: shown once, already in the keychain. */
  newSecret?: { text: string; expiresAt: string };
}

export interface DeviceCodePromptView {
  userCode: string;
  verificationUri: string;
  expiresAt: string;
  intervalSeconds: number;
}

export interface DeviceCodeResult {
  user: string;
  mfa: boolean;
  profile: ProfileSummary;
}

/** What the wizard's verify step found by using the stored refresh token. */
export interface ConsentVerification {
  user: string;
  tenantId: string;
  scopes: string[];
  mfa: boolean;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
  partnerCenter: { ok: true; customerCount: number } | { ok: false; error: UserFacingError };
  graph: { ok: true; organization: string } | { ok: false; error: UserFacingError };
  /** The modern Exchange path: the SAM app's own Exchange.Manage consent redeems for Exchange Online. */
  exchangeModern: { ok: true } | { ok: false; error: UserFacingError };
  /** A refresh token for the Exchange Online PowerShell app (device-code step) is in the keychain. */
  exchangeDeviceCodeStored: boolean;
}

export interface CustomerConsent {
  tenantId: string;
  name: string;
  /**
   * consented: tokens were issued there for every resource checked, or Partner Center just created the
   * consent; partial: some resources were refused (AADSTS65001), a consent with stale scopes (repair
   * renews it); exists: Partner Center says a consent is already there (with scopes it does not tell).
   */
  status: 'consented' | 'partial' | 'exists' | 'not-consented' | 'no-access' | 'error';
  /** Partner Center lists the customer: only then can it consent there. */
  inPartnerCenter: boolean;
  /** partial: the resources the SAM app is not consented for. */
  missing?: AccessResource[];
  /** Not consented and not in Partner Center: the link the customer's admin opens to consent (admin-consent endpoint). */
  adminConsentUrl?: string;
  error?: UserFacingError;
}

/** Embedded sign-in window when omitted. */
export const signInBrowserSchema = z.enum(['embedded', 'system']).optional();
