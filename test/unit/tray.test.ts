import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../electron/ipc/profiles';
import { summarize, type ProfileRecord } from '../../electron/core/profiles/profileStore';
import { DAY_MS } from '../../electron/core/lifetime/lifetime';
import { profileRecord } from './profileFixtures';
import { trayModel } from '../../electron/core/tray/trayModel';
import { UNSAFE_TEXT } from '../../electron/ipc/displayText';

const thresholds = { warningDays: 14, criticalDays: 3 };
const start = new Date('2026-03-01T00:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY_MS);

const profile = (id: string, name: string, redeemedDaysAgo: number, extra: Partial<ProfileRecord> = {}): ProfileSummary =>
  summarize(profileRecord(id, name, at(-redeemedDaysAgo), extra), start, thresholds);

describe('the tray model', () => {
  it('shows a stored name with control or bidi characters made safe, in the tooltip and the menu', () => {
    const model = trayModel([profile('p-1', 'Fab\u202erikam\u001b[2J', 80)], start, thresholds);
    expect(model.tooltip).toBe('SAM Desk — Fab rikam: refresh token expires in 10 d');
    expect(model.menu.some((item) => 'label' in item && UNSAFE_TEXT.test(item.label))).toBe(false);
  });

  it('shows the worst level as the icon and names the nearest expiry in the tooltip', () => {
    const model = trayModel([profile('p-1', 'Contoso', 10), profile('p-2', 'Fabrikam', 80)], start, thresholds);
    expect(model.icon).toBe('warning');
    expect(model.tooltip).toBe('SAM Desk — Fabrikam: refresh token expires in 10 d');
  });

  it('lists Open, Renew all, each profile with its time left (most urgent first), and Quit', () => {
    const model = trayModel([profile('p-1', 'Contoso', 10), profile('p-2', 'Fabrikam', 88)], at(0.5), thresholds);
    expect(model.icon).toBe('critical');
    expect(model.menu.map((item) => ('label' in item ? item.label : '—'))).toEqual([
      'Open SAM Desk',
      'Renew all',
      '—',
      'Fabrikam — expires in 1 d 12 h',
      'Contoso — expires in 79 d 12 h',
      '—',
      'Quit SAM Desk',
    ]);
  });

  it('moves with the clock alone: the same profiles a day later are expired', () => {
    const profiles = [profile('p-1', 'Contoso', 89)];
    expect(trayModel(profiles, start, thresholds).icon).toBe('critical');
    expect(trayModel(profiles, at(1.5), thresholds)).toMatchObject({ icon: 'expired', tooltip: 'SAM Desk — Contoso: refresh token expired' });
  });

  it('shows a revoked token as expired in the icon and “revoked” in words', () => {
    const revoked = profile('p-1', 'Contoso', 5, {
      lastRenewalFailure: { code: 'AADSTS50173', at: start.toISOString(), message: 'revoked' },
    });
    const model = trayModel([revoked, profile('p-2', 'Fabrikam', 1)], start, thresholds);
    expect(model.icon).toBe('expired');
    expect(model.tooltip).toBe('SAM Desk — Contoso: refresh token revoked');
  });

  it('says so when no partner account is connected, and cannot renew', () => {
    const model = trayModel([], start, thresholds);
    expect(model).toMatchObject({ icon: 'healthy', tooltip: 'SAM Desk — no partner account connected' });
    expect(model.menu.find((item) => item.kind === 'renew-all')).toMatchObject({ enabled: false });
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const model = trayModel([profile('p-1', 'A very long partner name '.repeat(8), 80)], start, thresholds);
    expect(model.tooltip.length).toBeLessThanOrEqual(127);
  });
});
