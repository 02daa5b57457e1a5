/**
 * The simulated cloud in its own process, driven through its /_sim/ controls. Microsoft's servers
 * do their work (signing tokens, building pages) on their own machines: run in the benchmark's
 * process, the simulator's CPU would be charged to SAM Desk and would slow exactly the code being
 * measured. In a process of its own it costs SAM Desk what Microsoft costs it: the latency.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SimInfo } from '../test/sim';
import { simClient } from '../test/support/simClient';
import { withTimeout } from '../test/support/bounded';

export interface LatencyRule {
  ms: number;
  /** Substring of the request path; omitted: every request. */
  path?: string;
}

export interface FaultRule {
  path: string;
  status: 429 | 500 | 503;
  retryAfter?: number;
  /** -1: until cleared. */
  count: number;
  /** The fault's answer comes after this long, as a real one would (a round trip). */
  latencyMs?: number;
}

/** The controls of a simulator running elsewhere. */
export interface SimControls {
  info: SimInfo;
  setLatency(rules: LatencyRule[]): Promise<void>;
  addFault(rule: FaultRule): Promise<void>;
  clearFaults(): Promise<void>;
  /** Requests per route since the last clearStats (test controls not counted). */
  stats(): Promise<Record<string, number>>;
  clearStats(): Promise<void>;
}

export interface SimProcess extends SimControls {
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

export async function startSimProcess(customers: number): Promise<SimProcess> {
  // In the benchmark's process group: whatever stops the benchmark (npm test's budget, Ctrl+C) stops it too.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/sim/cli.ts', '--customers', String(customers)], {
    cwd: process.cwd(),
    // Its request log (one line per request) is not needed here.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => child.exitCode === null && child.kill(signal);
  process.once('exit', () => kill('SIGKILL'));
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (status) => reject(new Error(`the simulator exited (status ${status}) before it was listening`)));
  });
  let info: SimInfo;
  try {
    info = JSON.parse(await withTimeout(firstLine, START_TIMEOUT_MS, 'starting the simulator process')) as SimInfo;
  } catch (error) {
    kill('SIGKILL');
    throw error;
  }
  return {
    ...simControls(info),
    async stop() {
      kill('SIGTERM');
      await withTimeout(exited, STOP_TIMEOUT_MS, 'stopping the simulator process').catch(() => kill('SIGKILL'));
    },
  };
}

/** The /_sim/ controls of the simulator `info` describes. */
export function simControls(info: SimInfo): SimControls {
  const sim = simClient(info);
  const ok = async (what: string, reply: Promise<{ status: number; json: unknown }>) => {
    const { status, json } = await reply;
    if (status !== 200) throw new Error(`the simulator refused ${what}: ${status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    info,
    async setLatency(rules) {
      await ok('clearing latency', sim.call('DELETE', '/_sim/latency'));
      for (const rule of rules) await ok('a latency rule', sim.control('latency', rule));
    },
    async addFault(rule) {
      await ok('a fault', sim.control('faults', rule));
    },
    async clearFaults() {
      await ok('clearing faults', sim.call('DELETE', '/_sim/faults'));
    },
    async stats() {
      return ((await ok('its stats', sim.call('GET', '/_sim/stats'))) as { routes: Record<string, number> }).routes;
    },
    async clearStats() {
      await ok('clearing stats', sim.call('DELETE', '/_sim/stats'));
    },
  };
}
