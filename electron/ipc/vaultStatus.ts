import type { VaultPublication } from './keyVault';
import { formatAgo } from './timeLeft';


/**
 * A published profile's vault copy in one line, the same in the window and the CLI:
 * "Vault: in sync, pushed 3 min ago" / "Vault: 403 — you need the Key Vault Secrets Officer role on this vault".
 */
export function describeVaultStatus(publication: VaultPublication, now: Date): string {
  if (publication.state === 'failed' && publication.error) return `Vault: ${publication.error.summary}`;
  if (publication.state === 'pending') return 'Vault: a newer token is waiting to be pushed';
  const adoptedLast = publication.lastAdoptedAt && (!publication.lastPushedAt || publication.lastAdoptedAt >= publication.lastPushedAt);
  if (adoptedLast) return `Vault: in sync, took the newer token from the vault ${formatAgo(publication.lastAdoptedAt!, now)}`;
  if (publication.lastPushedAt) return `Vault: in sync, pushed ${formatAgo(publication.lastPushedAt, now)}`;
  return `Vault: in sync${publication.lastCheckedAt ? `, checked ${formatAgo(publication.lastCheckedAt, now)}` : ''}`;
}
