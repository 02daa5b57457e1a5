import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../electron/core/vault/fileLock';

describe('taking over a lock left behind by a crashed process', () => {
  it('lets exactly one of several waiting callers in at a time, every time', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'samdesk-takeover-'));
    const lock = join(folder, 'profiles.json.lock');
    const overlaps: number[] = [];
    for (let trial = 0; trial < 300; trial++) {
      writeFileSync(lock, `2147483646 left-by-a-crash-${trial}`);
      let inside = 0;
      const holder = () =>
        withFileLock(
          lock,
          async () => {
            inside++;
            if (inside > 1) overlaps.push(trial);
            await new Promise((resolve) => setImmediate(resolve));
            inside--;
          },
          { retryMs: 1, timeoutMs: 5_000, isAlive: (pid) => pid !== 2147483646 },
        );
      await Promise.all([holder(), holder(), holder()]);
    }
    expect(overlaps).toEqual([]);
  }, 60_000);
});
