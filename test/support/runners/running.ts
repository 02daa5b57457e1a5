import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './artifacts';

export interface RunningEntry {
  /** "test/integration/renewal.test.ts > refresh token lifetime … > renews automatically …" */
  name: string;
  startedAt: string;
}

/**
 * What a test runner is doing right now, kept in test-results/RUNNER-running.json (written on every
 * change, synchronously and small), so whoever kills a hung run can say which test it was in.
 */
export class RunningTests {
  private readonly entries = new Map<string, RunningEntry>();
  private readonly file: string;

  constructor(runner: 'vitest' | 'playwright') {
    mkdirSync(resultsDir, { recursive: true });
    this.file = join(resultsDir, `${runner}-running.json`);
    this.write();
  }

  start(id: string, name: string): void {
    this.entries.set(id, { name, startedAt: new Date().toISOString() });
    this.write();
  }

  end(id: string): void {
    if (this.entries.delete(id)) this.write();
  }

  list(): RunningEntry[] {
    return [...this.entries.values()];
  }

  private write(): void {
    writeFileSync(this.file, JSON.stringify(this.list(), null, 2));
  }
}

/** A limit in seconds from an environment variable, or the default. */
export function limitFromEnvironment(variable: string, defaultSeconds: number): number {
  const value = Number(process.env[variable]);
  return Number.isFinite(value) && value > 0 ? value : defaultSeconds;
}
