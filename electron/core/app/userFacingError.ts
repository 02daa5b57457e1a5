import type { UserFacingError } from '../../ipc/errors';
import { explain, MicrosoftIdentityError } from '../identity/aadsts';
import { SignInCancelledError } from '../identity/loopback';
import { ClientSecretNeededError, RefusedSecretError } from '../identity/consent';
import { NotConsentedError, UnknownProfileError } from '../identity/refreshTokens';
import { NetworkError, OutsideCloudError } from '../http/httpClient';
import { KeychainError } from '../vault/secretVault';
import { CorruptMetadataError } from '../profiles/versionedFile';
import { ServiceError } from '../http/serviceError';
import { InvalidSettingsError } from '../settings/settingsStore';
import { NotReplicatedError, NotSignedInToGraphError } from '../samApp/graphApi';
import { SamAppNotFoundError } from '../samApp/appRegistration';
import { RetiredServiceError } from '../snippets/snippetService';
import { KeyVaultError } from '../keyVault/keyVaultErrors';
import { InvalidVaultUrlError } from '../keyVault/vaultUrl';
import { redactSecrets } from './redact';
import { DeclinedError } from './confirmations';
import { NothingToCopyError } from '../clipboard/clipboardKeeper';
import { RateLimitedError } from './rateLimit';
import { OtherCloudError } from '../profiles/cloudBinding';

/** The code of a refusal to use a profile outside its cloud (the CLI exits 8 on it). */
export const OTHER_CLOUD = 'other-cloud';

/** Turns anything thrown in main into the words a person sees; never a stack trace, never a token. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof MicrosoftIdentityError) {
    return {
      kind: 'microsoft',
      message: redactSecrets(error.message),
      action: error.explanation?.action,
      code: error.code ? `AADSTS${error.code}` : error.body.error,
      correlationId: error.correlationId,
      fix: error.explanation?.fix,
      // A code the catalogue does not know still gets a next step, and the ids that let support find it.
      ...(error.explanation ? {} : { action: 'Try again. If it keeps happening, give the code and correlation id below to your Entra admin or Microsoft support.' }),
    };
  }
  if (error instanceof NotSignedInToGraphError || error instanceof SamAppNotFoundError) {
    return { kind: 'not-found', message: error.message, fix: 'check-app' };
  }
  if (error instanceof RetiredServiceError) return { kind: 'microsoft', message: error.message, code: 'AADSTS650057', fix: 'none' };
  if (error instanceof NotReplicatedError) return { kind: 'microsoft', message: error.message, fix: 'retry' };
  if (error instanceof SignInCancelledError || error instanceof DeclinedError) return { kind: 'cancelled', message: error.message };
  if (error instanceof ClientSecretNeededError) {
    return { kind: 'invalid-input', message: error.message, action: 'Enter the client secret when you check the app, or let SAM Desk check it and create one.', fix: 're-enter-secret' };
  }
  if (error instanceof RefusedSecretError) {
    return { kind: 'invalid-input', message: error.message, action: 'Re-enter the secret: copy its Value (not its Secret ID), or leave the field empty and let SAM Desk create a new one.', fix: 're-enter-secret' };
  }
  if (error instanceof NetworkError) {
    return error.cancelled
      ? { kind: 'cancelled', message: error.message }
      : { kind: 'network', message: error.message, action: 'Check the network connection and try again.' };
  }
  if (error instanceof KeychainError) return { kind: 'keychain', message: error.message, action: error.fix };
  if (error instanceof RateLimitedError) return { kind: 'invalid-input', message: error.message, code: 'rate-limited' };
  if (error instanceof OutsideCloudError) return { kind: 'invalid-input', message: error.message, code: OTHER_CLOUD };
  if (error instanceof OtherCloudError) return { kind: 'invalid-input', message: error.message, action: error.action, code: OTHER_CLOUD };
  if (error instanceof NotConsentedError || error instanceof UnknownProfileError || error instanceof NothingToCopyError) {
    return { kind: 'not-found', message: error.message };
  }
  if (error instanceof KeyVaultError) {
    return {
      kind: error.status === undefined && error.retry === 'soon' ? 'network' : 'microsoft',
      message: redactSecrets(`${error.summary}. ${error.message}`),
      action: error.action,
      code: error.code,
    };
  }
  if (error instanceof InvalidVaultUrlError) return { kind: 'invalid-input', message: error.message };
  if (error instanceof CorruptMetadataError) return { kind: 'internal', message: error.message };
  if (error instanceof InvalidSettingsError) {
    return { kind: 'invalid-input', message: error.message, action: 'Nothing was saved. Correct the value and save again.' };
  }
  if (error instanceof ServiceError) {
    // A service code the catalogue knows (Partner Center's 900421: no MFA claim) gets its plain words;
    // otherwise the message already says what happened and when to try again (http/serviceError.ts).
    const explanation = error.code ? explain(error.code) : undefined;
    if (explanation) return { kind: 'microsoft', message: explanation.summary, action: explanation.action, code: `${error.service} ${error.code}`, fix: explanation.fix };
    return { kind: 'microsoft', message: redactSecrets(error.message) };
  }
  return {
    kind: 'internal',
    message: `Something went wrong: ${redactSecrets(error instanceof Error ? error.message : String(error))}`,
  };
}
