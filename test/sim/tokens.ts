/** Signing keys, JWT minting and opaque refresh tokens. */
import { createHash, generateKeyPairSync, randomBytes, randomInt, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, exportJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { SimUser, Tenant } from './state';

export interface MintRequest {
  user: SimUser;
  /** Tenant the token is issued in (a customer for cross-tenant redemptions). */
  tenant: Tenant;
  clientId: string;
  appName: string;
  resource: string;
  scopes: string[];
  mfa: boolean;
  authMs: number;
  confidential: boolean;
  lifetimeSeconds: number;
  nowSeconds: number;
}

export class TokenService {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private jwk?: JWK;

  constructor(private readonly baseUrl: string) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    const der = publicKey.export({ type: 'spki', format: 'der' });
    this.kid = createHash('sha1').update(der).digest('base64url');
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    if (!this.jwk) {
      const jwk = await exportJWK(this.publicKey);
      this.jwk = { kty: 'RSA', use: 'sig', kid: this.kid, x5t: this.kid, n: jwk.n, e: jwk.e, alg: 'RS256', issuer: `${this.baseUrl}/{tenantid}/v2.0` } as JWK;
    }
    return { keys: [this.jwk] };
  }

  private async sign(payload: JWTPayload): Promise<string> {
    const jwt = await new SignJWT(payload).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.kid, x5t: this.kid } as never).sign(this.privateKey);
    issuedSecrets.record?.add(jwt);
    return jwt;
  }

  /** v1-style access token, as Microsoft issues them for these resources. */
  accessToken(req: MintRequest): Promise<string> {
    const { user, tenant, nowSeconds } = req;
    const crossTenant = tenant.id !== user.tenantId;
    const amr = req.mfa ? ['pwd', 'mfa'] : ['pwd'];
    const payload: JWTPayload = {
      aud: req.resource,
      iss: `https://sts.windows.net/${tenant.id}/`,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + req.lifetimeSeconds,
      acr: '1',
      // Opaque claims Entra adds, at the sizes seen in real tokens; with them an access token is
      // over 2 KB (an assumption: Microsoft publishes no length).
      acrs: ['p1'],
      aio: randomBytes(180).toString('base64url'),
      amr,
      appid: req.clientId,
      app_displayname: req.appName,
      appidacr: req.confidential ? '1' : '0',
      family_name: user.surname,
      given_name: user.givenName,
      idtyp: 'user',
      ipaddr: '127.0.0.1',
      name: user.displayName,
      oid: user.oid,
      puid: randomBytes(8).toString('hex').toUpperCase(),
      rh: `1.A${randomBytes(60).toString('base64url')}.`,
      scp: req.scopes.length ? req.scopes.join(' ') : 'user_impersonation',
      sub: createHash('sha256').update(`${user.oid}:${req.resource}`).digest('base64url').slice(0, 43),
      tid: tenant.id,
      unique_name: user.upn,
      upn: user.upn,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
      auth_time: Math.floor(req.authMs / 1000),
      wids: ['62e90394-69f5-4237-9190-012177145e10', 'b79fbf4d-3ef9-4689-8143-76b194e85509'],
      xms_cc: ['CP1'],
      xms_ftd: randomBytes(48).toString('base64url'),
      xms_idrel: '1 20',
      xms_tcdt: 1_600_000_000,
    };
    if (crossTenant) payload.idp = `https://sts.windows.net/${user.tenantId}/`;
    return this.sign(payload);
  }

  /** v2 ID token. */
  idToken(req: MintRequest & { nonce?: string }): Promise<string> {
    const { user, tenant, nowSeconds } = req;
    const payload: JWTPayload = {
      aud: req.clientId,
      iss: `${this.baseUrl}/${tenant.id}/v2.0`,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + 3600,
      amr: req.mfa ? ['pwd', 'mfa'] : ['pwd'],
      auth_time: Math.floor(req.authMs / 1000),
      name: user.displayName,
      oid: user.oid,
      preferred_username: user.upn,
      rh: randomBytes(16).toString('base64url'),
      sid: randomUUID(),
      sub: createHash('sha256').update(`${user.oid}:${req.clientId}`).digest('base64url').slice(0, 43),
      tid: tenant.id,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
    };
    if (req.nonce) payload.nonce = req.nonce;
    return this.sign(payload);
  }

  /** Verifies a token this sim issued, judging expiry on the sim clock. */
  async verify(token: string, now: Date): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, { currentDate: now, algorithms: ['RS256'] });
    return payload;
  }
}

/**
 * Refresh and access token lengths are unspecified ("The length of access tokens and refresh tokens
 * is unspecified", Microsoft in microsoftgraph/microsoft-graph-docs#5846). Assumption: refresh
 * tokens of 1,500–2,000 characters, as seen from Entra; access tokens above 2 KB (below).
 */
const REFRESH_TOKEN_LENGTH = { min: 1_500, max: 2_000 } as const;

/** Opaque refresh token shaped like Microsoft's: "0.A" and URL-safe characters, 1,500–2,000 in all. */
export function newRefreshToken(): string {
  const length = randomInt(REFRESH_TOKEN_LENGTH.min, REFRESH_TOKEN_LENGTH.max + 1);
  const token = `0.A${randomBytes(Math.ceil(length * 0.75)).toString('base64url')}`.slice(0, length);
  issuedSecrets.record?.add(token);
  return token;
}

/**
 * Test hook for leak tests: while `record` is set, every JWT and refresh token a simulator in this
 * process issues is added to it (the state itself keeps only hashes). Off by default.
 */
export const issuedSecrets: { record?: Set<string> } = {};

export function clientInfo(oid: string, homeTenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: homeTenantId })).toString('base64url');
}
