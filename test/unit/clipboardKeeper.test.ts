import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipboardKeeper, type SystemClipboard } from '../../electron/core/clipboard/clipboardKeeper';
import type { ClipboardOutcome } from '../../electron/ipc/app';
import { concealedClipboardFormats } from '../../electron/main/securityPolicy';

/** A clipboard the test (standing in for the user) can also copy into. */
interface FakeClipboard extends SystemClipboard {
  text: string;
  concealed: boolean;
  readable: boolean;
  writable: boolean;
}

function fakeClipboard(): FakeClipboard {
  const clipboard: FakeClipboard = {
    text: '',
    concealed: false,
    readable: true,
    writable: true,
    async write(text: string, options: { concealed: boolean }) {
      if (!clipboard.writable) throw new Error('The clipboard is locked by another program.');
      clipboard.text = text;
      clipboard.concealed = options.concealed;
    },
    async readText() {
      if (!clipboard.readable) throw new Error('Read permission denied.');
      return clipboard.text;
    },
    async clear() {
      clipboard.text = '';
      clipboard.concealed = false;
    },
  };
  return clipboard;
}

describe('main keeps secrets on the clipboard no longer than the setting says', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  const keeperOf = (clipboard: SystemClipboard) => {
    const settled: Array<[number, ClipboardOutcome]> = [];
    const keeper = new ClipboardKeeper(clipboard, (id, outcome) => settled.push([id, outcome]), {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as number),
    });
    return { keeper, settled };
  };

  it('writes a secret concealed and empties the clipboard after the set time when it still holds it', async () => {
    const clipboard = fakeClipboard();
    const { keeper, settled } = keeperOf(clipboard);
    const copy = await keeper.copy("Connect-MgGraph -AccessToken 'eyJ.fake.token'", { secret: true, clearAfterSeconds: 30 });

    expect(clipboard).toMatchObject({ text: expect.stringContaining('eyJ.fake.token'), concealed: true });
    expect(copy).toEqual({ id: 1, clearsAt: '2026-03-01T10:00:30.000Z' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(clipboard.text).toContain('eyJ.fake.token');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(settled).toEqual([[1, 'cleared']]);
    expect(clipboard.text).toBe('');
  });

  it('leaves alone what the user copied since', async () => {
    const clipboard = fakeClipboard();
    const { keeper, settled } = keeperOf(clipboard);
    await keeper.copy("'eyJ.fake.token'", { secret: true, clearAfterSeconds: 5 });
    clipboard.text = 'my own notes';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toEqual([[1, 'replaced']]);
    expect(clipboard.text).toBe('my own notes');
  });

  it('says so when it cannot read the clipboard, and then does not clear it blindly', async () => {
    const clipboard = fakeClipboard();
    const { keeper, settled } = keeperOf(clipboard);
    await keeper.copy("'eyJ.fake.token'", { secret: true, clearAfterSeconds: 5 });
    clipboard.readable = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toEqual([[1, 'unreadable']]);
    expect(clipboard.text).toBe("'eyJ.fake.token'");
  });

  it('never clears with the setting at 0 or text without a secret; a newer copy replaces the older schedule', async () => {
    const clipboard = fakeClipboard();
    const { keeper, settled } = keeperOf(clipboard);
    expect(await keeper.copy('script without token', { secret: false, clearAfterSeconds: 5 })).toBeUndefined();
    expect(clipboard.concealed).toBe(false);
    expect(await keeper.copy("'eyJ.kept'", { secret: true, clearAfterSeconds: 0 })).toBeUndefined();

    const first = await keeper.copy("'eyJ.fake.first'", { secret: true, clearAfterSeconds: 5 });
    await vi.advanceTimersByTimeAsync(3_000);
    const second = await keeper.copy("'eyJ.fake.second'", { secret: true, clearAfterSeconds: 5 });
    expect(settled).toEqual([[first!.id, 'superseded']]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(clipboard.text).toBe("'eyJ.fake.second'");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(settled).toEqual([[first!.id, 'superseded'], [second!.id, 'cleared']]);
  });

  it('a copy that fails to write keeps the older secret’s clear due', async () => {
    const clipboard = fakeClipboard();
    const { keeper, settled } = keeperOf(clipboard);
    await keeper.copy("'eyJ.fake.first'", { secret: true, clearAfterSeconds: 5 });
    clipboard.writable = false;
    await expect(keeper.copy("'eyJ.fake.second'", { secret: true, clearAfterSeconds: 5 })).rejects.toThrow('locked');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(settled).toEqual([[1, 'cleared']]);
    expect(clipboard.text).toBe('');
  });

  it('clears at once when SAM Desk quits, and only what is still its own', async () => {
    const clipboard = fakeClipboard();
    const { keeper, settled } = keeperOf(clipboard);
    await keeper.copy("'eyJ.fake.token'", { secret: true, clearAfterSeconds: 300 });
    expect(keeper.holdsSecret).toBe(true);
    await keeper.clearNow();
    expect(clipboard.text).toBe('');
    expect(keeper.holdsSecret).toBe(false);
    expect(settled).toEqual([[1, 'cleared']]);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(settled).toHaveLength(1);
  });
});

describe('the markers that keep a secret out of clipboard history and sync', () => {
  const format = (name: string) => `electron application/osclipboard;format="${name}"`;

  it('on Windows: no history, no cloud upload (DWORD 0), excluded from monitors', async () => {
    const formats = concealedClipboardFormats('win32');
    expect(Object.keys(formats).sort()).toEqual(
      ['CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard', 'ExcludeClipboardContentFromMonitorProcessing'].map(format),
    );
    for (const blob of Object.values(formats)) expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 0, 0, 0]);
  });

  it('on macOS: concealed and transient (nspasteboard.org); on Linux: KDE’s password manager hint', async () => {
    expect(Object.keys(concealedClipboardFormats('darwin')).sort()).toEqual([format('org.nspasteboard.ConcealedType'), format('org.nspasteboard.TransientType')]);
    const linux = concealedClipboardFormats('linux');
    expect(Object.keys(linux)).toEqual([format('x-kde-passwordManagerHint')]);
    expect(await linux[format('x-kde-passwordManagerHint')]!.text()).toBe('secret');
  });
});
