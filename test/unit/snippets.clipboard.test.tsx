import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardGuard, type ClipboardAccess } from '../../renderer/src/clipboard';

/** A clipboard the test (standing in for the user) can also copy into. */
function fakeClipboard(): ClipboardAccess & { text: string; readable: boolean } {
  const clipboard = {
    text: '',
    readable: true,
    async writeText(text: string) {
      clipboard.text = text;
    },
    async readText() {
      if (!clipboard.readable) throw new DOMException('Read permission denied.', 'NotAllowedError');
      return clipboard.text;
    },
  };
  return clipboard;
}

describe('clearing a copied snippet from the clipboard', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  const guard = (clipboard: ClipboardAccess) =>
    createClipboardGuard(() => clipboard, { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) });

  it('empties the clipboard after the set time when it still holds the snippet', async () => {
    const clipboard = fakeClipboard();
    const scheduled = await guard(clipboard).copy("Connect-MgGraph -AccessToken 'eyJ.fake.token'", 30);

    expect(clipboard.text).toContain('eyJ.fake.token');
    expect(scheduled!.clearsAt).toBe(Date.parse('2026-03-01T10:00:30Z'));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(clipboard.text).toContain('eyJ.fake.token');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(scheduled!.done).resolves.toBe('cleared');
    expect(clipboard.text).toBe('');
  });

  it('leaves alone what the user copied since', async () => {
    const clipboard = fakeClipboard();
    const scheduled = await guard(clipboard).copy("'eyJ.fake.token'", 5);
    clipboard.text = 'my own notes';
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(scheduled!.done).resolves.toBe('replaced');
    expect(clipboard.text).toBe('my own notes');
  });

  it('says so when it cannot read the clipboard, and then does not clear it blindly', async () => {
    const clipboard = fakeClipboard();
    const scheduled = await guard(clipboard).copy("'eyJ.fake.token'", 5);
    clipboard.readable = false;
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(scheduled!.done).resolves.toBe('unreadable');
  });

  it('never clears with the setting at 0, and a newer copy replaces the older schedule', async () => {
    const clipboard = fakeClipboard();
    const clipboardGuard = guard(clipboard);
    expect(await clipboardGuard.copy('script without token', 0)).toBeUndefined();

    const first = await clipboardGuard.copy("'eyJ.fake.first'", 5);
    await vi.advanceTimersByTimeAsync(3_000);
    const second = await clipboardGuard.copy("'eyJ.fake.second'", 5);
    await expect(first!.done).resolves.toBe('superseded');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(clipboard.text).toBe("'eyJ.fake.second'");
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(second!.done).resolves.toBe('cleared');
  });
});
