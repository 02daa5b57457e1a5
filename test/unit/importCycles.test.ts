import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/process';

describe('module layering', () => {
  it('has no runtime import cycle in electron/** or renderer/src/** (scripts/import-cycles.mjs)', { timeout: 30_000 }, async () => {
    const run = await runProcess(process.execPath, ['scripts/import-cycles.mjs'], { timeoutMs: 25_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('no runtime import cycles');
    expect(run.status).toBe(0);
  });
});
