/**
 * Azure Key Vault's secrets data plane, served path-based at `/keyvault/{vault}` (a real vault is
 * `https://{vault}.vault.azure.net`). Microsoft's `@azure/keyvault-secrets` uses it unchanged with
 * `disableChallengeResourceVerification`: requests keep the path prefix, and the ids returned name
 * the vault's real host, because the SDK parses ids as `/secrets/{name}/{version}` only.
 *
 * REST reference: https://learn.microsoft.com/rest/api/keyvault/secrets/operation-groups
 * Authentication (401 + WWW-Authenticate challenge): https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses
 * Throttling (429): https://learn.microsoft.com/azure/key-vault/general/overview-throttling
 */
import type { JWTPayload } from 'jose';
import { sendJson, type RequestContext, type Route } from '../http';
import { kv } from '../keyVaultErrors';
import {
  currentVersion,
  MAX_CONTENT_TYPE,
  MAX_SECRET_VALUE_BYTES,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  SECRET_NAME,
  type DeletedSecret,
  type SecretAction,
  type SecretVersion,
  type SimVault,
  type VaultSecret,
} from '../keyVaultState';

const KEY_VAULT_RESOURCE = 'https://vault.azure.net';
const PAGE_SIZE = 25;

const param = (ctx: RequestContext, name: string) => (ctx.params as Record<string, string>)[name] ?? '';

/** The vault's own identifier base: what its ids (and so the SDK's `vaultUrl`) name. */
const vaultHost = (vault: SimVault) => `https://${vault.name}.vault.azure.net`;

function vaultOf(ctx: RequestContext): SimVault {
  const vault = ctx.sim.state.keyVaults.find(param(ctx, 'vault'));
  if (!vault) throw kv.vaultNotFound(param(ctx, 'vault'));
  return vault;
}

/**
 * Order of checks: a token for Key Vault issued by the vault's tenant (401 with the challenge
 * otherwise), the api-version, the throttle, then the caller's data-plane role for the action (403).
 */
async function authorize(ctx: RequestContext, vault: SimVault, action: SecretAction, secretName = ''): Promise<JWTPayload> {
  const header = /^Bearer\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (!header) throw kv.missingToken(vault.tenantId);
  let claims: JWTPayload;
  try {
    claims = await ctx.sim.tokens.verify(header[1]!, ctx.sim.clock.now());
  } catch {
    throw kv.invalidToken(vault.tenantId, 'the token has expired or its signature is not valid.');
  }
  if (String(claims.aud).replace(/\/+$/, '') !== KEY_VAULT_RESOURCE) {
    throw kv.invalidToken(vault.tenantId, `Invalid audience. Expected ${KEY_VAULT_RESOURCE}, found: ${String(claims.aud)}.`);
  }
  if (claims.tid !== vault.tenantId) {
    throw kv.invalidToken(vault.tenantId, `Invalid issuer. Expected https://sts.windows.net/${vault.tenantId}/, found: ${String(claims.iss)}.`);
  }
  // Assumption: the wording; Microsoft documents only that api-version has no default.
  if (!ctx.url.searchParams.get('api-version')) throw kv.badParameter('The request URI contains an invalid or missing api-version parameter.');
  if (vault.throttle.count !== 0) {
    if (vault.throttle.count > 0) vault.throttle.count--;
    throw kv.throttled(vault.throttle.retryAfterSeconds);
  }
  if (!ctx.sim.state.keyVaults.allows(vault, String(claims.oid), action)) {
    throw kv.forbiddenByRbac({
      appId: String(claims.appid),
      oid: String(claims.oid),
      tenantId: vault.tenantId,
      action: `Microsoft.KeyVault/vaults/secrets/${action}`,
      resource: `/subscriptions/${vault.subscriptionId}/resourcegroups/${vault.resourceGroup}/providers/microsoft.keyvault/vaults/${vault.name}/secrets/${secretName}`.toLowerCase(),
      vault: vault.name,
      location: vault.location,
    });
  }
  return claims;
}

function attributes(vault: SimVault, version: SecretVersion) {
  return {
    enabled: version.enabled,
    ...(version.nbf !== undefined ? { nbf: version.nbf } : {}),
    ...(version.exp !== undefined ? { exp: version.exp } : {}),
    created: version.created,
    updated: version.updated,
    recoveryLevel: 'Recoverable+Purgeable',
    recoverableDays: vault.softDeleteRetentionDays,
  };
}

/** A SecretBundle (get/set/update) or, without the value, a SecretItem of a version list. */
function bundle(vault: SimVault, secret: VaultSecret, version: SecretVersion, withValue: boolean) {
  return {
    ...(withValue ? { value: version.value } : {}),
    id: `${vaultHost(vault)}/secrets/${secret.name}/${version.version}`,
    ...(version.contentType !== undefined ? { contentType: version.contentType } : {}),
    attributes: attributes(vault, version),
    ...(version.tags ? { tags: version.tags } : {}),
  };
}

function deletedBundle(vault: SimVault, deleted: DeletedSecret) {
  const { secret } = deleted;
  return {
    recoveryId: `${vaultHost(vault)}/deletedsecrets/${secret.name}`,
    deletedDate: deleted.deletedDate,
    scheduledPurgeDate: deleted.scheduledPurgeDate,
    ...bundle(vault, secret, currentVersion(secret), false),
  };
}

function existing(vault: SimVault, name: string): VaultSecret {
  const secret = vault.secrets.get(name.toLowerCase());
  if (!secret) throw kv.secretNotFound(name);
  return secret;
}

function versionOf(secret: VaultSecret, version: string): SecretVersion {
  const found = version ? secret.versions.find((candidate) => candidate.version === version.toLowerCase()) : currentVersion(secret);
  if (!found) throw kv.secretNotFound(`${secret.name}/${version}`);
  return found;
}

interface SecretBody {
  value?: unknown;
  contentType?: unknown;
  tags?: unknown;
  attributes?: { enabled?: unknown; nbf?: unknown; exp?: unknown };
}

function parseBody(ctx: RequestContext): SecretBody {
  try {
    return ctx.rawBody.trim() ? (JSON.parse(ctx.rawBody) as SecretBody) : {};
  } catch {
    throw kv.badParameter('The request body is not valid JSON.');
  }
}

/** The writable fields, checked against the limits of "About Azure Key Vault secrets". */
function writableFields(body: SecretBody): Partial<Pick<SecretVersion, 'contentType' | 'tags' | 'enabled' | 'nbf' | 'exp'>> {
  const fields: Partial<Pick<SecretVersion, 'contentType' | 'tags' | 'enabled' | 'nbf' | 'exp'>> = {};
  if (body.contentType !== undefined) {
    if (typeof body.contentType !== 'string' || body.contentType.length > MAX_CONTENT_TYPE) {
      throw kv.badParameter(`contentType must be a string of at most ${MAX_CONTENT_TYPE} characters.`);
    }
    fields.contentType = body.contentType;
  }
  if (body.tags !== undefined) {
    const entries = Object.entries((body.tags ?? {}) as Record<string, unknown>);
    if (entries.length > MAX_TAGS) throw kv.badParameter(`A secret can have at most ${MAX_TAGS} tags.`);
    for (const [name, value] of entries) {
      if (typeof value !== 'string' || name.length > MAX_TAG_LENGTH || value.length > MAX_TAG_LENGTH) {
        throw kv.badParameter(`Tag names and values are strings of at most ${MAX_TAG_LENGTH} characters.`);
      }
    }
    fields.tags = Object.fromEntries(entries) as Record<string, string>;
  }
  const attrs = body.attributes ?? {};
  if (attrs.enabled !== undefined) fields.enabled = attrs.enabled === true;
  for (const key of ['nbf', 'exp'] as const) {
    if (attrs[key] === undefined) continue;
    if (typeof attrs[key] !== 'number' || !Number.isInteger(attrs[key])) throw kv.badParameter(`attributes.${key} must be seconds since 1970 (IntDate).`);
    fields[key] = attrs[key];
  }
  return fields;
}

async function setSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  const name = param(ctx, 'secret');
  await authorize(ctx, vault, 'setSecret/action', name);
  if (!SECRET_NAME.test(name)) throw kv.badParameter(`The secret name '${name}' is invalid: use 1-127 letters, digits and dashes.`);
  const body = parseBody(ctx);
  if (typeof body.value !== 'string') throw kv.badParameter('The secret value is missing.');
  if (Buffer.byteLength(body.value) > MAX_SECRET_VALUE_BYTES) throw kv.badParameter('The secret value is larger than 25 KB.');
  if (vault.deleted.has(name.toLowerCase())) throw kv.deletedButRecoverable(name);
  const fields = writableFields(body);
  const version = ctx.sim.state.keyVaults.setSecret(vault, name, { enabled: true, ...fields, value: body.value }, ctx.sim.clock.nowSeconds());
  sendJson(ctx.res, 200, bundle(vault, existing(vault, name), version, true));
}

async function getSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'getSecret/action', param(ctx, 'secret'));
  const secret = existing(vault, param(ctx, 'secret'));
  sendJson(ctx.res, 200, bundle(vault, secret, versionOf(secret, param(ctx, 'version')), true));
}

async function updateSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'update/action', param(ctx, 'secret'));
  const secret = existing(vault, param(ctx, 'secret'));
  const version = versionOf(secret, param(ctx, 'version'));
  Object.assign(version, writableFields(parseBody(ctx)), { updated: ctx.sim.clock.nowSeconds() });
  sendJson(ctx.res, 200, bundle(vault, secret, version, false));
}

/** `maxresults` (at most 25, the default) with an absolute nextLink carrying a $skiptoken. */
function page<T>(ctx: RequestContext, items: T[]): { value: T[]; nextLink: string | null } {
  const requested = Number(ctx.url.searchParams.get('maxresults') ?? PAGE_SIZE);
  const size = Number.isInteger(requested) && requested > 0 ? Math.min(requested, PAGE_SIZE) : PAGE_SIZE;
  const skip = Number(ctx.url.searchParams.get('$skiptoken') ?? 0) || 0;
  const next = new URL(`${ctx.sim.baseUrl}${ctx.url.pathname}`);
  next.searchParams.set('api-version', ctx.url.searchParams.get('api-version') ?? '');
  next.searchParams.set('maxresults', String(size));
  next.searchParams.set('$skiptoken', String(skip + size));
  return { value: items.slice(skip, skip + size), nextLink: skip + size < items.length ? next.toString() : null };
}

async function listSecrets(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'readMetadata/action');
  const items = [...vault.secrets.values()].map((secret) => {
    const { id: _id, ...rest } = bundle(vault, secret, currentVersion(secret), false);
    return { id: `${vaultHost(vault)}/secrets/${secret.name}`, ...rest };
  });
  sendJson(ctx.res, 200, page(ctx, items));
}

async function listVersions(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'readMetadata/action', param(ctx, 'secret'));
  const secret = existing(vault, param(ctx, 'secret'));
  sendJson(ctx.res, 200, page(ctx, secret.versions.map((version) => bundle(vault, secret, version, false))));
}

async function deleteSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'delete', param(ctx, 'secret'));
  existing(vault, param(ctx, 'secret'));
  const deleted = ctx.sim.state.keyVaults.deleteSecret(vault, param(ctx, 'secret'), ctx.sim.clock.nowSeconds())!;
  sendJson(ctx.res, 200, deletedBundle(vault, deleted));
}

async function getDeletedSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'readMetadata/action', param(ctx, 'secret'));
  const deleted = vault.deleted.get(param(ctx, 'secret').toLowerCase());
  if (!deleted) throw kv.deletedSecretNotFound(param(ctx, 'secret'));
  sendJson(ctx.res, 200, deletedBundle(vault, deleted));
}

async function recoverDeletedSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'recover/action', param(ctx, 'secret'));
  const secret = ctx.sim.state.keyVaults.recoverSecret(vault, param(ctx, 'secret'));
  if (!secret) throw kv.deletedSecretNotFound(param(ctx, 'secret'));
  sendJson(ctx.res, 200, bundle(vault, secret, currentVersion(secret), false));
}

async function purgeDeletedSecret(ctx: RequestContext): Promise<void> {
  const vault = vaultOf(ctx);
  await authorize(ctx, vault, 'purge/action', param(ctx, 'secret'));
  if (!vault.deleted.delete(param(ctx, 'secret').toLowerCase())) throw kv.deletedSecretNotFound(param(ctx, 'secret'));
  ctx.res.writeHead(204, { 'cache-control': 'no-store' }).end();
}

export function keyVaultRoutes(): Route[] {
  const base = '/keyvault/:vault';
  return [
    { method: 'GET', path: `${base}/secrets`, name: 'key vault list secrets', handler: listSecrets },
    { method: 'PUT', path: `${base}/secrets/:secret`, name: 'key vault set secret', handler: setSecret },
    { method: 'DELETE', path: `${base}/secrets/:secret`, name: 'key vault delete secret', handler: deleteSecret },
    { method: 'GET', path: `${base}/secrets/:secret/versions`, name: 'key vault list versions', handler: listVersions },
    { method: 'GET', path: `${base}/secrets/:secret`, name: 'key vault get secret', handler: getSecret },
    { method: 'GET', path: `${base}/secrets/:secret/:version`, name: 'key vault get secret', handler: getSecret },
    { method: 'PATCH', path: `${base}/secrets/:secret/:version`, name: 'key vault update secret', handler: updateSecret },
    { method: 'GET', path: `${base}/deletedsecrets/:secret`, name: 'key vault get deleted secret', handler: getDeletedSecret },
    { method: 'POST', path: `${base}/deletedsecrets/:secret/recover`, name: 'key vault recover secret', handler: recoverDeletedSecret },
    { method: 'DELETE', path: `${base}/deletedsecrets/:secret`, name: 'key vault purge secret', handler: purgeDeletedSecret },
  ];
}
