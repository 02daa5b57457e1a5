import type { VaultPublication } from './keyVault';

/** "just now", "3 min ago", "2 h ago", "4 d ago". */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

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
