import { decodeJwt } from 'jose';

/** The claims SAM Desk reads from Microsoft's tokens. */
export interface TokenClaims {
  tid?: string;
  oid?: string;
  upn?: string;
  preferred_username?: string;
  unique_name?: string;
  name?: string;
  aud?: string;
  scp?: string;
  amr?: string[];
  exp?: number;
  iat?: number;
}

/** Reads claims without verifying: SAM Desk only uses them for display and expiry. */
export function readClaims(jwt: string): TokenClaims {
  try {
    return decodeJwt(jwt) as TokenClaims;
  } catch {
    return {};
  }
}

export function userOf(claims: TokenClaims): string {
  return claims.preferred_username ?? claims.upn ?? claims.unique_name ?? claims.oid ?? 'unknown user';
}

export function hasMfaClaim(claims: TokenClaims): boolean {
  return Array.isArray(claims.amr) && claims.amr.includes('mfa');
}
