/**
 * Test controls for the simulated Key Vault (loopback only, under /_sim/keyvault/): who holds
 * which data-plane role, throttling, and a look at a vault's secrets without their values.
 */
import { SEEDED_VAULT_NAME } from '../seedAzure';
import { JsonError, json, sendJson, type RequestContext, type Route } from '../http';
import { KEY_VAULT_ROLES, currentVersion, type KeyVaultRole, type SimVault } from '../keyVaultState';

function badRequest(message: string): JsonError {
  return new JsonError(400, { error: 'bad_request', message });
}

function vaultNamed(ctx: RequestContext, name: string | undefined): SimVault {
  const vault = ctx.sim.state.keyVaults.find(name ?? SEEDED_VAULT_NAME);
  if (!vault) throw new JsonError(404, { error: 'not_found', message: `No vault '${name}'.` });
  return vault;
}

/** `{vault?, user?, roles: [...]}`: the user's data-plane roles on the vault become exactly these ([] = none). */
function setRoles(ctx: RequestContext): void {
  const body = json<{ vault?: string; user?: string; roles?: unknown }>(ctx);
  const vault = vaultNamed(ctx, body.vault);
  const user = ctx.sim.state.findUser(body.user ?? ctx.sim.secrets.user);
  if (!user) throw new JsonError(404, { error: 'not_found', message: `No user '${body.user}'.` });
  if (!Array.isArray(body.roles) || body.roles.some((role) => !KEY_VAULT_ROLES.includes(role as KeyVaultRole))) {
    throw badRequest(`roles must be a list of: ${KEY_VAULT_ROLES.join(', ')}.`);
  }
  vault.roles.set(user.oid, new Set(body.roles as KeyVaultRole[]));
  sendJson(ctx.res, 200, { vault: vault.name, user: user.upn, roles: body.roles });
}

/** `{vault?, count, retryAfter?}`: the next `count` authorized requests (-1: all) answer 429, with Retry-After only if given. */
function throttle(ctx: RequestContext): void {
  const body = json<{ vault?: string; count?: number; retryAfter?: number }>(ctx);
  const vault = vaultNamed(ctx, body.vault);
  if (typeof body.count !== 'number' || !Number.isInteger(body.count) || body.count < -1) throw badRequest('count must be an integer, -1 for every request.');
  vault.throttle = { count: body.count, retryAfterSeconds: body.retryAfter };
  sendJson(ctx.res, 200, { vault: vault.name, throttle: vault.throttle });
}

/** Names, versions, attributes and tags of a vault's secrets, and its soft-deleted names; never a value. */
function inspect(ctx: RequestContext): void {
  const vault = vaultNamed(ctx, (ctx.params as Record<string, string>).vault);
  sendJson(ctx.res, 200, {
    vault: vault.name,
    secrets: [...vault.secrets.values()].map((secret) => ({
      name: secret.name,
      versions: secret.versions.map(({ value: _value, ...version }) => version),
      current: currentVersion(secret).version,
    })),
    deleted: [...vault.deleted.values()].map((deleted) => deleted.secret.name),
  });
}

export function keyVaultControlRoutes(): Route[] {
  return [
    { method: 'POST', path: '/_sim/keyvault/roles', handler: setRoles },
    { method: 'POST', path: '/_sim/keyvault/throttle', handler: throttle },
    { method: 'GET', path: '/_sim/keyvault/vaults/:vault', handler: inspect },
  ];
}
