import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { MicrosoftIdentityError } from './aadsts';

/**
 * MSAL folds Microsoft's error JSON into one string, "Error(s): 7000215 - Timestamp: … -
 * Description: AADSTS7000215: … Trace ID: … - Correlation ID: … - Trace ID: …"
 * (msal-common's ResponseHandler.validateTokenResponse). Shown as it is, a partner admin reads
 * trace ids twice and no advice, so the server's answer is taken back apart into the wire shape
 * ({error, error_description, error_codes, correlation_id}) that the AADSTS catalogue explains.
 * Anything that is not Microsoft's answer (MSAL's own client errors) is returned unchanged.
 */
export function fromMsalError(error: unknown): unknown {
  if (!(error instanceof ServerError || error instanceof InteractionRequiredAuthError) || !error.errorCode) return error;
  const text = error.errorMessage ?? '';
  const description = (/ - Description: ([\s\S]*) - Correlation ID: /.exec(text)?.[1] ?? text).trim();
  const codes = String(error.errorNo ?? /^Error\(s\): ([\d,\s]+) - /.exec(text)?.[1] ?? '')
    .split(/[,\s]+/)
    .map(Number)
    .filter((code) => Number.isInteger(code) && code > 0);
  return new MicrosoftIdentityError(
    {
      error: error.errorCode,
      ...(description && description !== 'N/A' ? { error_description: description } : {}),
      ...(codes.length ? { error_codes: codes } : {}),
      ...(error.correlationId ? { correlation_id: error.correlationId } : {}),
    },
    error instanceof ServerError ? error.status : undefined,
  );
}
