import type { ProfileRecord } from '../../electron/core/profiles/profileStore';

/** A stored profile's metadata (made-up ids), consented and last redeemed at `redeemedAt` unless `extra` says otherwise. */
export function profileRecord(id: string, name: string, redeemedAt: Date, extra: Partial<ProfileRecord> = {}): ProfileRecord {
  return {
    id,
    name,
    cloud: 'public',
    partnerTenantId: '00000000-0000-0000-0000-000000000001',
    clientId: '00000000-0000-0000-0000-000000000002',
    hasClientSecret: false,
    user: `admin@${name}.example`,
    mfa: true,
    issuedAt: redeemedAt.toISOString(),
    lastRedeemedAt: redeemedAt.toISOString(),
    ...extra,
  };
}
