import { redactSecrets } from '../app/redact';

/** What SAM Desk was doing when Key Vault refused: which role fixes a 403 depends on it. */
export type VaultOperation = 'write' | 'read' | 'delete' | 'recover';

/** When trying again can help: soon (throttling, outages), or only after someone fixes something. */
export type RetryHint = 'soon' | 'after-fix';

/**
 * A Key Vault answer SAM Desk could not get past, in the admin's words: a short summary for the
 * profile's status line, a sentence, and what fixes it. Error shapes:
 * https://learn.microsoft.com/azure/key-vault/general/common-error-codes
 */
export class KeyVaultError extends Error {
  constructor(
    readonly summary: string,
    message: string,
    readonly action: string | undefined,
    /** Key Vault's innermost error code (ForbiddenByRbac, Throttled…), or the kind of failure. */
    readonly code: string,
    readonly status: number | undefined,
    readonly retry: RetryHint,
  ) {
    super(message);
    this.name = 'KeyVaultError';
  }
}

/** The parts of the Azure SDK's RestError SAM Desk reads (it is not exported by a package we depend on). */
interface RestErrorLike {
  name: string;
  message: string;
  statusCode?: number;
  code?: string;
  /** The deserialized error body: `{ error: { code, message, innerError: { code } } }`. */
  details?: { error?: { innerError?: { code?: string } } };
  response?: { bodyAsText?: string | null };
}

function isRestError(error: unknown): error is RestErrorLike {
  return error instanceof Error && error.name === 'RestError';
}

/** Key Vault's `innererror.code` (ForbiddenByRbac, ObjectIsDeletedButRecoverable…), which says more than `code`. */
function innerCode(error: RestErrorLike): string | undefined {
  if (error.details?.error?.innerError?.code) return error.details.error.innerError.code;
  try {
    const body = JSON.parse(error.response?.bodyAsText ?? '') as { error?: { innererror?: { code?: string } } };
    return body.error?.innererror?.code;
  } catch {
    return undefined;
  }
}

export interface VaultErrorContext {
  vaultName: string;
  operation: VaultOperation;
  /** Reading only (joining from a vault) needs Key Vault Secrets User; keeping it in step, Secrets Officer. */
  readOnly?: boolean;
  /** The partner admin whose token SAM Desk used (or who signed in to read). */
  admin?: string;
  secretName?: string;
}


/** Turns what the Azure SDK threw into a KeyVaultError; anything else passes through unchanged. */
export function toKeyVaultError(error: unknown, context: VaultErrorContext): unknown {
  if (error instanceof KeyVaultError || !isRestError(error)) return error;
  const who = context.admin ?? 'your account';
  const vault = context.vaultName;
  const secret = context.secretName ?? 'the secret';
  const detail = redactSecrets(error.message.split('\n')[0] ?? '').slice(0, 200);
  const status = error.statusCode;
  if (status === undefined) {
    return new KeyVaultError(
      'Key Vault cannot be reached',
      `SAM Desk could not reach the vault ${vault} (${detail}).`,
      'Check the network connection and the vault URL. SAM Desk tries again by itself; nothing was lost.',
      error.code ?? 'network',
      undefined,
      'soon',
    );
  }
  const inner = innerCode(error);
  const make = (summary: string, message: string, action: string | undefined, retry: RetryHint) =>
    new KeyVaultError(summary, message, action, inner ?? error.code ?? `HTTP${status}`, status, retry);
  if (status === 401) {
    return make(
      '401 — Key Vault did not accept SAM Desk’s token',
      `Key Vault refused the token SAM Desk sent to ${vault} (${detail}).`,
      'Check that the SAM app has the Azure Key Vault permission (user_impersonation) and that it is consented in your partner tenant; then sign in again.',
      'after-fix',
    );
  }
  if (status === 403) {
    if (inner === 'ForbiddenByFirewall') {
      return make('403 — the vault’s firewall blocks this computer', `The vault ${vault} does not accept requests from this network.`, 'Allow this network in the vault’s Networking settings, or connect from a network it allows.', 'after-fix');
    }
    if (inner === 'AccessDenied') {
      return make(
        '403 — the vault’s access policies do not let you do this',
        `The vault ${vault} uses access policies, and ${who} has no ${context.operation === 'read' ? 'Get' : 'Set'} permission on its secrets.`,
        'Add an access policy with Get, List and Set on secrets for that account, or switch the vault to Azure role-based access control.',
        'after-fix',
      );
    }
    const role = context.readOnly ? 'Key Vault Secrets User' : 'Key Vault Secrets Officer';
    return make(
      `403 — you need the ${role} role on this vault`,
      `${who} may not ${context.readOnly ? 'read' : 'read and write'} secrets in the vault ${vault}.`,
      `Ask an owner of the vault to give ${who} the ${role} role (the vault’s Access control (IAM) → Add role assignment). SAM Desk tries again by itself; nothing was lost.`,
      'after-fix',
    );
  }
  if (status === 404) {
    return make(`404 — ${secret} is not in this vault`, `The vault ${vault} has no secret ${secret}.`, 'Check the vault URL and which names it uses (SAM Desk’s or CIPP’s).', 'after-fix');
  }
  if (status === 409) {
    return inner === 'ObjectIsDeletedButRecoverable'
      ? make(
          `409 — ${secret} is deleted but recoverable in this vault`,
          `The secret ${secret} was deleted from ${vault} and waits in the vault’s soft-delete bin, so its name cannot be reused.`,
          'Recover it (Recover and push) or purge it in the Azure portal, then push again. Your refresh token is safe in the keychain.',
          'after-fix',
        )
      : make(`409 — ${secret} is busy in this vault`, `Key Vault is still working on ${secret} in ${vault} (${detail}).`, 'Wait a minute and push again.', 'soon');
  }
  if (status === 429) {
    return make(
      '429 — Key Vault is throttling requests',
      `The vault ${vault} had too many requests and asked SAM Desk to slow down.`,
      'SAM Desk tries again by itself with growing pauses; nothing was lost.',
      'soon',
    );
  }
  if (status >= 500) {
    return make(`${status} — Key Vault is not available`, `The vault ${vault} answered HTTP ${status}.`, 'SAM Desk tries again by itself; nothing was lost.', 'soon');
  }
  return make(`${status} — Key Vault refused the request`, `The vault ${vault} refused the request: ${detail}`, undefined, 'after-fix');
}
