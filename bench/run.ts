/**
 * `npm run bench [-- --json FILE] [-- --quick] [-- --profile DIR]`: SAM Desk's hot paths against the
 * simulated cloud with injected latency. Every figure is a ratio to a baseline measured in the same
 * run on the same machine, never an absolute time to compare across machines. Prints a Markdown
 * table (README.md, "Performance") and, with --json, writes the ratios and figures. --quick runs
 * every measure on a small scale (npm test does, so the benchmark cannot rot); its figures mean
 * nothing. --profile writes CPU profiles and traces of every path, and their summary (profiling.ts).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/support/browser';
import { isolatedEnvironment } from '../test/support/environment';
import { signedInProfile } from '../test/support/signedInProfile';
import { createServices } from '../electron/core/app/services';
import { MAX_CONCURRENCY, TOKEN_LATENCY_MS, measureAccessCheck } from './accessCheck';
import { LIST_LATENCY_MS, measureListing } from './listing';
import { count, machine, mb, ms, percentile, printTable, type Row } from './measure';
import { BenchProfiler } from './profiling';
import { measureApp, measureMinimalPage, type AppFigures } from './renderer';
import { simControls, startSimProcess } from './simProcess';
import type { SimInfo } from '../test/sim';

const FRAME_MS = 1000 / 60;
/** Typing a word and deleting it, thrice: 30 keystrokes, each changing the query. */
const KEYSTROKES = ['b', 'a', 'k', 'e', 'r', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'n', 'o', 'r', 'd', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 's', 'u', 'n', 'Backspace', 'Backspace', 'Backspace', 'c', 'o', 'Backspace', 'Backspace', 'm', 'Backspace'];

const { values } = parseArgs({ options: { json: { type: 'string' }, quick: { type: 'boolean', default: false }, profile: { type: 'string' } } });
const quick = values.quick === true;
const scale = quick
  ? { customers: 600, checked: 60, sequential: 10, stormMs: 1_500, keystrokes: KEYSTROKES.slice(0, 6), paintRounds: 1 }
  : { customers: 10_000, checked: 1_000, sequential: 100, stormMs: 3_000, keystrokes: KEYSTROKES, paintRounds: 5 };
/** Set in the measuring process: the simulator its parent started. */
const SIM_VARIABLE = 'SAMDESK_BENCH_SIM';

/**
 * Starts the simulator in a process of its own, then measures in a child that trusts the
 * simulator's CA the way the app trusts Microsoft's, through Node's root store
 * (NODE_EXTRA_CA_CERTS), not an extra CA on every connection: SAMDESK_CA_FILE's path is not
 * the one a partner admin's SAM Desk takes to login.microsoftonline.com.
 */
async function orchestrate(): Promise<number> {
  const sim = await startSimProcess(scale.customers);
  try {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [SIM_VARIABLE]: JSON.stringify(sim.info), NODE_EXTRA_CA_CERTS: sim.info.caFile },
    });
    return await new Promise<number>((resolve) => child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  } finally {
    await sim.stop();
  }
}

async function main(simInfo: SimInfo): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const profiler = values.profile ? new BenchProfiler(resolve(values.profile), resolve('out/renderer')) : undefined;
  const profiled = <T,>(phase: string, run: () => Promise<T>) => (profiler ? profiler.node(phase, run) : run());
  const rows: Row[] = [];
  const sim = simControls(simInfo);
  const isolated = isolatedEnvironment(sim.info);
  // The CA is in Node's root store (orchestrate); the app's extra-CA path stays out of the measure.
  const environment = { ...isolated.environment, extraCa: undefined };
  const services = createServices(environment, { opener: { open: () => ({ close: () => undefined }) } });
  const result: { machine: string; quick: boolean; ratios: Record<string, number>; figures: Record<string, unknown> } = { machine: machine(), quick, ratios: {}, figures: {} };
  try {
    const profile = await signedInProfile(sim.info, services);

    log(`listing ${count(scale.customers)} customers…`);
    const listing = await profiled('listing', () => measureListing(sim, services, profile));
    result.ratios.listVsFloor = listing.listMs / listing.floorMs;
    rows.push({ measure: `list ${count(scale.customers)} customers (3 sources, ${LIST_LATENCY_MS} ms latency)`, figure: ms(listing.listMs), baseline: `paging floor ${ms(listing.floorMs)}: a bare client's redemption + longest chain of ${listing.roundTrips - 1} pages (${listing.roundTrips} × ${LIST_LATENCY_MS} ms = ${ms(listing.nominalFloorMs)}; the rest is the simulator's work)`, ratio: result.ratios.listVsFloor, goal: '≤ 1.5×' });
    rows.push({ measure: `main-process heap holding ${count(listing.heldCount)} customers (as the window gets them)`, figure: `${mb(listing.heapWith)} (+${mb(listing.heapWith - listing.heapWithout)})`, baseline: `${mb(listing.heapWithout)} without the list`, ratio: listing.heapWith / listing.heapWithout, goal: 'report' });

    log(`access check for ${count(scale.checked)} customers…`);
    const tenantIds = listing.customers.slice(0, scale.checked).map((customer) => customer.tenantId);
    const check = await profiled('access-check', () => measureAccessCheck(sim, services, profile, tenantIds, scale.sequential, scale.stormMs));
    result.ratios.accessCheckVsFloor = check.pooledMs / check.floorMs;
    result.ratios.sequentialVsAccessCheck = check.sequentialMs / check.pooledMs;
    const { storm } = check;
    rows.push({ measure: `access check, ${count(scale.checked)} customers × 1 resource, adaptive, at most ${MAX_CONCURRENCY} at once (${TOKEN_LATENCY_MS} ms latency)`, figure: `${ms(check.pooledMs)}, reached ${check.concurrency.peak} at once, ${check.keychainWrites} keychain write(s)`, baseline: `floor ${ms(check.floorMs)}: a bare pool of ${MAX_CONCURRENCY} (latency × ⌈N ÷ ${MAX_CONCURRENCY}⌉ = ${ms(check.nominalFloorMs)}; the rest is the simulator's signing)`, ratio: result.ratios.accessCheckVsFloor, goal: '≤ 1.3×' });
    rows.push({ measure: 'speed-up over the sequential loop the seed scripts run (loop ÷ pool)', figure: ms(check.pooledMs), baseline: `loop ${ms(check.sequentialMs)} (${scale.sequential} measured, scaled), a keychain write per redemption`, ratio: result.ratios.sequentialVsAccessCheck, goal: '≥ 15×' });
    rows.push({
      measure: `the same check through a 429 storm (every token request throttled for ${ms(storm.stormMs)}, Retry-After 1 s)`,
      figure: `${ms(storm.ms)}; ${storm.throttledAnswers} throttled answers, of them ${storm.probesSent} probe(s) sent after the storm was seen; ${storm.concurrency.beforeStorm} at once → ${storm.concurrency.afterCut}, one probe at a time while throttled → ${storm.concurrency.atEnd}; ${storm.customersChanged} customer(s) reported differently`,
      baseline: `without the storm ${ms(check.pooledMs)}`,
      ratio: storm.ms / check.pooledMs,
      goal: 'report',
    });

    log('renderer in Chromium…');
    // Background refreshes stay pending (every list source answers in 10 minutes) so they do not compete with what is measured.
    await sim.setLatency([
      { ms: 600_000, path: '/partnercenter/' },
      { ms: 600_000, path: '/tenantRelationships/' },
    ]);
    const browser = await launchChromium(sim.info);
    try {
      // A first paint is one number that a stray timer or a GC can double: each is taken once per
      // round, the three interleaved so that drift touches all alike, and the medians compared.
      const paints = { minimal: [] as number[], empty: [] as number[], full: [] as number[], wholeList: [] as number[] };
      let empty!: AppFigures;
      let full!: AppFigures;
      for (let round = 1; round <= scale.paintRounds; round++) {
        const last = round === scale.paintRounds;
        paints.minimal.push(await measureMinimalPage(browser, environment));
        empty = await measureApp(browser, environment, profile, [], [], last ? profiler : undefined);
        full = await measureApp(browser, environment, profile, listing.customers, last ? scale.keystrokes : [], last ? profiler : undefined);
        paints.empty.push(empty.firstPaintMs);
        paints.full.push(full.firstPaintMs);
        paints.wholeList.push(full.wholeListMs);
      }
      const minimalMs = percentile(paints.minimal, 50);
      empty = { ...empty, firstPaintMs: percentile(paints.empty, 50) };
      full = { ...full, firstPaintMs: percentile(paints.full, 50), wholeListMs: percentile(paints.wholeList, 50) };
      const median = percentile(full.keystrokesMs, 50);
      const p95 = percentile(full.keystrokesMs, 95);
      Object.assign(result.ratios, {
        firstPaintVsMinimalPage: empty.firstPaintMs / minimalMs,
        firstPaintFullVsEmpty: full.firstPaintMs / empty.firstPaintMs,
        keystrokeMedianVsFrame: median / FRAME_MS,
        keystrokeP95VsFrame: p95 / FRAME_MS,
      });
      rows.push({ measure: `renderer first paint, empty list (Chromium; each first paint the median of ${scale.paintRounds} round${scale.paintRounds === 1 ? '' : 's'})`, figure: ms(empty.firstPaintMs), baseline: `minimal React page ${ms(minimalMs)} (same harness, one call to main)`, ratio: result.ratios.firstPaintVsMinimalPage!, goal: '≤ 2×' });
      rows.push({ measure: `renderer first paint, ${count(listing.customers.length)} customers (the first screen of them)`, figure: ms(full.firstPaintMs), baseline: `empty list ${ms(empty.firstPaintMs)}`, ratio: result.ratios.firstPaintFullVsEmpty!, goal: '≤ 1.1×' });
      rows.push({ measure: `… all ${count(listing.customers.length)} in the window and searchable`, figure: ms(full.wholeListMs), baseline: `empty list ${ms(empty.firstPaintMs)}`, ratio: full.wholeListMs / empty.firstPaintMs, goal: 'report' });
      rows.push({ measure: `filter keystroke at ${count(listing.customers.length)} customers, median of ${full.keystrokesMs.length} (input → paint of the filtered rows)`, figure: ms(median), baseline: `one 60 Hz frame ${ms(FRAME_MS)}`, ratio: result.ratios.keystrokeMedianVsFrame!, goal: '≤ 1×' });
      rows.push({ measure: 'the same, 95th percentile', figure: ms(p95), baseline: `one 60 Hz frame ${ms(FRAME_MS)}`, ratio: result.ratios.keystrokeP95VsFrame!, goal: '≤ 2×' });
      rows.push({ measure: `renderer heap with ${count(listing.customers.length)} customers`, figure: mb(full.heapBytes), baseline: `empty list ${mb(empty.heapBytes)}`, ratio: full.heapBytes / empty.heapBytes, goal: 'report' });
      result.figures.renderer = { paintRounds: paints, minimalPageFirstPaintMs: minimalMs, empty, full: { ...full, keystrokeMedianMs: median, keystrokeP95Ms: p95, keystrokeCommitMedianMs: percentile(full.keystrokeCommitsMs, 50) } };
    } finally {
      await browser.close();
    }
    result.figures.listing = { listMs: listing.listMs, floorMs: listing.floorMs, floor: listing.floor, nominalFloorMs: listing.nominalFloorMs, roundTrips: listing.roundTrips, heapWithoutBytes: listing.heapWithout, heapWithBytes: listing.heapWith };
    result.figures.accessCheck = { pooledMs: check.pooledMs, floorMs: check.floorMs, nominalFloorMs: check.nominalFloorMs, sequentialMs: check.sequentialMs, keychainWrites: check.keychainWrites, concurrency: check.concurrency, storm };
  } finally {
    await isolated.cleanUp();
  }
  process.stdout.write(`\nSAM Desk benchmarks${quick ? ' (quick: small scale, figures mean nothing)' : ''} on ${result.machine}\n\n${printTable(rows)}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  if (profiler) log(`profiles and their summary: ${profiler.finish(`SAM Desk profiles on ${result.machine}`)}`);
}

const simInfo = process.env[SIM_VARIABLE];
// Exits when done: keep-alive sockets and timers of the services would otherwise hold the process.
(simInfo ? main(JSON.parse(simInfo) as SimInfo).then(() => 0) : orchestrate()).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
