/**
 * Removes anything shaped like a token or secret from text bound for logs or error messages:
 * JWTs (base64url parts starting eyJ), Microsoft refresh tokens (opaque, long, starting "0.A" or
 * "1.A"), bearer headers, secret-named fields in form bodies and JSON, and long base64-ish runs
 * such as client secrets. Deliberately greedy: a redacted GUID-free word costs less than a leak.
 */
const secretNames = 'refresh_token|access_token|id_token|client_secret|client_assertion|assertion|code|code_verifier|password|device_code';

const patterns: RegExp[] = [
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g,
  /\b[01]\.A[A-Za-z0-9_.~-]{40,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi,
  new RegExp(`\\b(${secretNames})=[^&\\s"']+`, 'g'),
  new RegExp(`"(${secretNames}|refreshToken|accessToken|clientSecret|secret)"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`, 'g'),
  /[A-Za-z0-9_~.+/-]{40,}={0,2}/g,
];

export function redactSecrets(text: string): string {
  return patterns.reduce(
    (result, pattern) =>
      result.replace(pattern, (match, name?: unknown) => {
        if (typeof name !== 'string') return match.toLowerCase().startsWith('bearer') ? 'Bearer [redacted]' : '[redacted]';
        return match.startsWith('"') ? `"${name}":"[redacted]"` : `${name}=[redacted]`;
      }),
    text,
  );
}
