import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { toUserFacingError } from '../../electron/core/app/userFacingError';
import { MicrosoftIdentityError } from '../../electron/core/identity/aadsts';
import { fromMsalError } from '../../electron/core/identity/msalErrors';
import { AadError, aadErrorBody } from '../sim/errors';

const CORRELATION = '5c2b0e6f-0e0a-4d57-9a52-8b7e9b0d6a11';

/** The error MSAL throws for a token-endpoint answer: its ResponseHandler folds the JSON into one string. */
function msalServerError(error: AadError): ServerError {
  const body = aadErrorBody(error, 'https://login.example', CORRELATION, new Date('2026-11-30T10:00:00Z'));
  const folded = `Error(s): ${body.error_codes} - Timestamp: ${body.timestamp} - Description: ${body.error_description} - Correlation ID: ${body.correlation_id} - Trace ID: ${body.trace_id}`;
  return new ServerError(body.error, body.correlation_id, folded, undefined, String(body.error_codes[0]), error.status);
}

describe('MSAL errors in plain words', () => {
  it('a wrong secret at sign-in reads “Re-enter the secret”, with no MSAL dump and the correlation id once', () => {
    const wrong = new AadError(7000215, 'invalid_client', "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'x'.");
    const raw = msalServerError(wrong);
    // What the window showed before: MSAL's message as it is.
    expect(raw.message).toMatch(/Error\(s\): 7000215 - Timestamp: .* Trace ID: .* Trace ID:/);

    const converted = fromMsalError(raw);
    expect(converted).toBeInstanceOf(MicrosoftIdentityError);
    expect((converted as MicrosoftIdentityError).description).toBe(`AADSTS7000215: ${wrong.detail}`);

    const shown = toUserFacingError(converted);
    expect(shown).toEqual({
      kind: 'microsoft',
      message: 'Microsoft refused the client secret: it is not one of the SAM app’s secrets.',
      action: expect.stringMatching(/^Re-enter the secret/),
      code: 'AADSTS7000215',
      correlationId: CORRELATION,
      fix: 're-enter-secret',
    });
    const text = JSON.stringify(shown);
    expect(text).not.toMatch(/Error\(s\)|Timestamp|Trace ID|invalid_client/);
    expect(text.split(CORRELATION)).toHaveLength(2);
  });

  it('an expired secret has the same one next action', () => {
    const expired = fromMsalError(msalServerError(new AadError(7000222, 'invalid_client', "The provided client secret keys for app 'x' are expired.")));
    expect(toUserFacingError(expired)).toMatchObject({ code: 'AADSTS7000222', message: 'The SAM app’s client secret has expired.', fix: 're-enter-secret' });
  });

  it('an interaction-required answer (raw description, no folding) is explained too; a code nobody knows still gets a next step', () => {
    const mfa = new InteractionRequiredAuthError('invalid_grant', CORRELATION, 'AADSTS50076: Due to a configuration change made by your administrator … Trace ID: t Correlation ID: c Timestamp: 2026-11-30 10:00:00Z', undefined, '', '', '', '50076');
    expect(toUserFacingError(fromMsalError(mfa))).toMatchObject({ code: 'AADSTS50076', fix: 're-consent', correlationId: CORRELATION });

    const unknown = toUserFacingError(fromMsalError(msalServerError(new AadError(9999999, 'invalid_request', 'Something rare happened.'))));
    expect(unknown).toMatchObject({ message: 'AADSTS9999999: Something rare happened.', code: 'AADSTS9999999', action: expect.stringMatching(/^Try again\./) });
    expect(unknown.message).not.toContain('Trace ID');
  });

  it('leaves errors that are not Microsoft’s answer alone', () => {
    const other = new Error('socket hang up');
    expect(fromMsalError(other)).toBe(other);
  });
});
