import type { UserFacingError } from '../../ipc/contract';
import { MicrosoftIdentityError } from '../identity/aadsts';
import { SignInCancelledError } from '../identity/loopback';
import { NotConsentedError, UnknownProfileError } from '../identity/refreshTokens';
import { NetworkError } from '../http/httpClient';
import { KeychainError } from '../vault/secretVault';
import { CorruptMetadataError } from '../profiles/versionedFile';
import { ApiError } from '../tenants/customerTenants';
import { InvalidSettingsError } from '../settings/settingsStore';
import { NotSignedInToGraphError, SamAppNotFoundError } from '../samApp/samAppService';
import { KeyVaultError } from '../keyVault/keyVaultErrors';
import { InvalidVaultUrlError } from '../keyVault/vaultUrl';
import { redactSecrets } from './redact';

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
    };
  }
  if (error instanceof NotSignedInToGraphError || error instanceof SamAppNotFoundError) {
    return { kind: 'not-found', message: error.message, fix: 'check-app' };
  }
  if (error instanceof SignInCancelledError) return { kind: 'cancelled', message: error.message };
  if (error instanceof NetworkError) {
    return error.cancelled
      ? { kind: 'cancelled', message: error.message }
      : { kind: 'network', message: error.message, action: 'Check the network connection and try again.' };
  }
  if (error instanceof KeychainError) return { kind: 'keychain', message: error.message, action: error.fix };
  if (error instanceof NotConsentedError || error instanceof UnknownProfileError) {
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
  if (error instanceof ApiError) {
    return { kind: 'microsoft', message: redactSecrets(error.message), action: 'Try again in a moment.' };
  }
  return {
    kind: 'internal',
    message: `Something went wrong: ${redactSecrets(error instanceof Error ? error.message : String(error))}`,
  };
}
