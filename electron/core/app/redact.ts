/**
 * Removes anything shaped like a token or secret from text bound for logs or error messages:
 * JWTs (three base64url parts starting eyJ), Microsoft refresh tokens (opaque, long, starting
 * "0.A" or "1.A"), and long base64-ish runs such as client secrets.
 */
const patterns: RegExp[] = [
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /\b[01]\.A[A-Za-z0-9_.~-]{40,}/g,
  /(refresh_token|access_token|client_secret|code|code_verifier)=[^&\s]+/g,
  /[A-Za-z0-9_~.+/-]{40,}={0,2}/g,
];

export function redactSecrets(text: string): string {
  return patterns.reduce(
    (result, pattern) => result.replace(pattern, (match, name?: string) => (typeof name === 'string' && match.startsWith(name) ? `${name}=[redacted]` : '[redacted]')),
    text,
  );
}
