import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../electron/ipc/settings';
import { useSamDeskStore } from '../../../renderer/src/store';
import { deferred, installSamDesk, refusal, store, useFreshStore } from './fakeSamDesk';

const settings: Settings = { warningDays: 14, criticalDays: 3, renewAfterDays: 30, autoRenew: true, startAtLogin: false, clipboardClearSeconds: 60, notifications: true };

describe('settings slice', () => {
  useFreshStore();

  it('loads the settings main read; a failed read keeps none and says why', async () => {
    installSamDesk({ settings: { get: () => Promise.resolve(settings) } });
    await store().loadSettings();
    expect(store().settings).toEqual(settings);
    installSamDesk({ settings: { get: () => Promise.reject(new Error('disk')) } });
    store().closeSettings();
    await store().loadSettings();
    expect(store().settingsError?.message).toBe('Settings could not be read.');
  });

  it('a save sends only the change, stores what main answered, closes the dialog and reports true', async () => {
    const saved = { ...settings, warningDays: 20 };
    const set = vi.fn(() => Promise.resolve(saved));
    installSamDesk({ settings: { set } });
    store().openSettings();
    const answer = store().saveSettings({ warningDays: 20 });
    expect(store().savingSettings).toBe(true);
    expect(await answer).toBe(true);
    expect(set).toHaveBeenCalledWith({ warningDays: 20 });
    expect(store()).toMatchObject({ settings: saved, settingsOpen: false, savingSettings: false, settingsError: null });
  });

  it('a refused save keeps the dialog open with the reason, keeps the old settings and reports false', async () => {
    installSamDesk({ settings: { get: () => Promise.resolve(settings), set: () => Promise.reject(refusal('Warn at most 89 days ahead.', 'invalid-input')) } });
    await store().loadSettings();
    store().openSettings();
    expect(await store().saveSettings({ warningDays: 200 })).toBe(false);
    expect(store()).toMatchObject({ settings, settingsOpen: true, savingSettings: false, settingsError: { message: 'Warn at most 89 days ahead.' } });
  });

  it('opening or closing the dialog clears an earlier error; a new save clears it while it runs', async () => {
    const pending = deferred<Settings>();
    installSamDesk({ settings: { set: () => pending.promise } });
    store().openSettings();
    leaveEarlierError();
    void store().saveSettings({ autoRenew: false });
    expect(store().settingsError).toBeNull();
    leaveEarlierError();
    store().closeSettings();
    expect(store().settingsError).toBeNull();
    pending.resolve(settings);
  });
});

/** An error left from an earlier attempt. */
function leaveEarlierError(): void {
  useSamDeskStore.setState({ settingsError: refusal('earlier') });
}
