import { applicationIdSchema, tenantRefSchema } from '../../electron/ipc/contract';
import type { ConsentInput } from './store';

/** What the connect form's fields hold. The secret lives only in the form's React state. */
export interface ConsentFormValues {
  partnerTenant: string;
  clientId: string;
  clientSecret: string;
  profileName: string;
}

export type ConsentFormErrors = Partial<Record<keyof ConsentFormValues, string>>;

export type ConsentFormResult = { ok: true; input: ConsentInput } | { ok: false; errors: ConsentFormErrors };

const PROFILE_NAME_MAX = 80;

/** Checks the form with the contract's own schemas, so the form and main agree on what is valid. */
export function validateConsentForm(values: ConsentFormValues): ConsentFormResult {
  const errors: ConsentFormErrors = {};
  const partnerTenant = tenantRefSchema.safeParse(values.partnerTenant);
  if (!partnerTenant.success) errors.partnerTenant = partnerTenant.error.issues[0]?.message;
  const clientId = applicationIdSchema.safeParse(values.clientId);
  if (!clientId.success) {
    errors.clientId = values.clientId.trim()
      ? clientId.error.issues[0]?.message
      : 'Enter the application (client) id of your Secure Application Model app.';
  }
  const profileName = values.profileName.trim();
  if (profileName.length > PROFILE_NAME_MAX) errors.profileName = `Use at most ${PROFILE_NAME_MAX} characters.`;

  if (!partnerTenant.success || !clientId.success || errors.profileName) return { ok: false, errors };

  const clientSecret = values.clientSecret.trim();
  return {
    ok: true,
    input: {
      partnerTenant: partnerTenant.data,
      clientId: clientId.data,
      ...(clientSecret ? { clientSecret } : {}),
      ...(profileName ? { profileName } : {}),
    },
  };
}

/** The message for one field only, for validating as the user leaves it. */
export function validateConsentField(field: keyof ConsentFormValues, values: ConsentFormValues): string | undefined {
  const result = validateConsentForm(values);
  return result.ok ? undefined : result.errors[field];
}
