import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../electron/ipc/profiles';
import { summarize, type ProfileRecord } from '../../electron/core/profiles/profileStore';
import { DAY_MS } from '../../electron/core/lifetime/lifetime';
import { profileRecord } from './profileFixtures';
import { emptyNotificationState, noticesDue, type Notice, type NotificationState } from '../../electron/core/tray/notificationPolicy';

const thresholds = { warningDays: 14, criticalDays: 3 };
const consentedAt = new Date('2026-03-01T00:00:00Z');
const at = (days: number) => new Date(consentedAt.getTime() + days * DAY_MS);

const record = (id: string, name: string, redeemedAtDay: number, extra: Partial<ProfileRecord> = {}): ProfileRecord =>
  profileRecord(id, name, at(redeemedAtDay), { issuedAt: at(0).toISOString(), ...extra });

/** Runs the policy every hour from `fromDay` to `toDay`, persisting its state like the app does. */
function simulateHours(records: (now: Date) => ProfileRecord[], fromDay: number, toDay: number, state: NotificationState = emptyNotificationState()) {
  const shown: (Notice & { day: number })[] = [];
  for (let hour = fromDay * 24; hour <= toDay * 24; hour++) {
    const now = new Date(consentedAt.getTime() + hour * 3600_000);
    const profiles: ProfileSummary[] = records(now).map((r) => summarize(r, now, thresholds));
    const result = noticesDue(profiles, now, thresholds, JSON.parse(JSON.stringify(state)) as NotificationState);
    state = result.state;
    shown.push(...result.notices.map((notice) => ({ ...notice, day: Math.floor(hour / 24) })));
  }
  return { shown, state };
}

describe('threshold notifications', () => {
  it('notify once per threshold over a simulated month, not at every tick', () => {
    // Consent on day 0, never used: warning at day 76, critical at day 87, expired at day 90.
    const { shown } = simulateHours(() => [record('p-1', 'Contoso', 0)], 70, 100);
    expect(shown.map((n) => [n.threshold, n.day])).toEqual([
      ['warning', 76],
      ['critical', 87],
      ['expired', 90],
    ]);
    expect(shown[0]!.title).toBe('Contoso: refresh token expires in 14 d');
    expect(shown[2]).toMatchObject({ title: 'Contoso: refresh token expired', body: expect.stringContaining('re-consent') });
  });

  it('do not repeat after a restart (the state is persisted)', () => {
    const first = simulateHours(() => [record('p-1', 'Contoso', 0)], 76, 77);
    expect(first.shown).toHaveLength(1);
    const afterRestart = simulateHours(() => [record('p-1', 'Contoso', 0)], 77, 80, first.state);
    expect(afterRestart.shown).toEqual([]);
  });

  it('announce a new token’s thresholds again after a renewal', () => {
    // Warned at day 76, then renewed on day 78; the new token reaches its own warning 90 - 14 days later.
    const { shown } = simulateHours((now) => [record('p-1', 'Contoso', now >= at(78) ? 78 : 0)], 70, 160);
    expect(shown.map((n) => [n.threshold, n.day])).toEqual([
      ['warning', 76],
      ['warning', 154],
    ]);
  });

  it('show only the worst threshold when several were crossed while the app was closed', () => {
    const { shown } = simulateHours(() => [record('p-1', 'Contoso', 0)], 88, 89);
    expect(shown.map((n) => n.threshold)).toEqual(['critical']);
  });

  it('tell each profile apart and report a revocation once', () => {
    const revokedAt = at(10).toISOString();
    const { shown } = simulateHours(
      (now) => [
        record('p-1', 'Contoso', 0, now >= at(10) ? { lastRenewalFailure: { code: 'AADSTS50173', at: revokedAt, message: 'revoked' } } : {}),
        record('p-2', 'Fabrikam', 0),
      ],
      5,
      40,
    );
    expect(shown.map((n) => [n.profileId, n.threshold, n.day])).toEqual([['p-1', 'revoked', 10]]);
  });
});
