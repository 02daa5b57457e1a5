import { describe, expect, it } from 'vitest';
import { NO_REFRESH_TOKEN } from '../../electron/ipc/profiles';
import { levelAt } from '../../electron/ipc/timeLeft';
import { summarize } from '../../electron/core/profiles/profileStore';
import { profileRecord } from './profileFixtures';

const now = new Date('2026-11-30T12:00:00Z');
const record = profileRecord('p-1', 'Northwind', now, { cloud: 'custom', hasClientSecret: true, user: 'admin@northwind.example' });

describe('a profile summary says what the keychain holds', () => {
  it('counts down while the refresh token is stored', () => {
    const summary = summarize(record, now);
    expect(summary).toMatchObject({ hasRefreshToken: true, level: 'healthy' });
    expect(summary.lastError).toBeUndefined();
  });

  it('is expired, with the reason and re-consent, when the keychain holds no refresh token, whatever its dates say', () => {
    const summary = summarize(record, now, undefined, { hasRefreshToken: false });
    expect(summary).toMatchObject({
      hasRefreshToken: false,
      level: 'expired',
      lastError: { code: NO_REFRESH_TOKEN, message: 'No refresh token is stored in the keychain for this profile.', reconsent: true },
    });
    // The window's live level (the header badge, the tray) holds it too: no green countdown beside it.
    expect(levelAt(summary, now.getTime())).toBe('expired');
    expect(JSON.stringify(summary)).not.toMatch(/hasClientSecret/);
  });
});
