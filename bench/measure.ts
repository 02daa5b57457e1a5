import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { formatCount } from '../electron/ipc/counts';

/** Wall time of one run, in ms. */
export async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection: what is really held. */
export function heapUsedAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The p-th percentile (0–100) of the values, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Row {
  measure: string;
  figure: string;
  baseline: string;
  ratio: number;
  /** What the ratio must be: "≤ 1.5×", "≥ 15×", or "report". */
  goal: string;
}

export function printTable(rows: Row[]): string {
  const lines = [
    '| measure | figure | baseline (same run) | ratio | goal |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.measure} | ${row.figure} | ${row.baseline} | **${row.ratio.toFixed(2)}×** | ${row.goal} |`),
  ];
  return lines.join('\n');
}

export function machine(): string {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${process.platform}`;
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : formatCount(Math.round(value))} ms`;
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const count = formatCount;
