/**
 * `npm run bench [-- --json FILE] [-- --quick]`: SAM Desk's hot paths against the simulated cloud
 * with injected latency. Every figure is a ratio to a baseline measured in the same run on the same
 * machine, never an absolute time to compare across machines. Prints a Markdown table (README.md,
 * "Performance") and, with --json, writes the ratios and figures. --quick runs every measure on a
 * small scale (npm test does, so the benchmark cannot rot); its figures mean nothing.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/support/browser';
import { isolatedEnvironment } from '../test/support/environment';
import { signedInProfile } from '../test/support/signedInProfile';
import { startSimulatedCloud } from '../test/sim';
import { createServices } from '../electron/core/app/services';
import { CONCURRENCY, TOKEN_LATENCY_MS, measureAccessCheck } from './accessCheck';
import { LIST_LATENCY_MS, measureListing } from './listing';
import { count, machine, mb, ms, percentile, printTable, type Row } from './measure';
import { measureApp, measureMinimalPage } from './renderer';

const FRAME_MS = 1000 / 60;
/** Typing a word and deleting it, thrice: 30 keystrokes, each changing the query. */
const KEYSTROKES = ['b', 'a', 'k', 'e', 'r', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'n', 'o', 'r', 'd', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 's', 'u', 'n', 'Backspace', 'Backspace', 'Backspace', 'c', 'o', 'Backspace', 'Backspace', 'm', 'Backspace'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' }, quick: { type: 'boolean', default: false } } });
  const quick = values.quick === true;
  const scale = quick ? { customers: 600, checked: 60, sequential: 10, keystrokes: KEYSTROKES.slice(0, 6) } : { customers: 10_000, checked: 1_000, sequential: 100, keystrokes: KEYSTROKES };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const rows: Row[] = [];
  const sim = await startSimulatedCloud({ customers: scale.customers });
  const isolated = isolatedEnvironment(sim);
  const services = createServices(isolated.environment, { opener: { open: () => ({ close: () => undefined }) } });
  const result: { machine: string; quick: boolean; ratios: Record<string, number>; figures: Record<string, unknown> } = { machine: machine(), quick, ratios: {}, figures: {} };
  try {
    const profile = await signedInProfile(sim, services);

    log(`listing ${count(scale.customers)} customers…`);
    const listing = await measureListing(sim, services, profile);
    result.ratios.listVsFloor = listing.listMs / listing.floorMs;
    rows.push({ measure: `list ${count(scale.customers)} customers (3 sources, ${LIST_LATENCY_MS} ms latency)`, figure: ms(listing.listMs), baseline: `paging floor ${ms(listing.floorMs)} (${listing.roundTrips} round trips)`, ratio: result.ratios.listVsFloor, goal: '≤ 1.5×' });
    rows.push({ measure: `main-process heap holding ${count(listing.heldCount)} customers`, figure: `${mb(listing.heapWith)} (+${mb(listing.heapWith - listing.heapWithout)})`, baseline: `${mb(listing.heapWithout)} without the list`, ratio: listing.heapWith / listing.heapWithout, goal: 'report' });

    log(`access check for ${count(scale.checked)} customers…`);
    const tenantIds = listing.customers.slice(0, scale.checked).map((customer) => customer.tenantId);
    const check = await measureAccessCheck(sim, services, profile, tenantIds, scale.sequential);
    result.ratios.accessCheckVsFloor = check.pooledMs / check.floorMs;
    result.ratios.sequentialVsAccessCheck = check.sequentialMs / check.pooledMs;
    rows.push({ measure: `access check, ${count(scale.checked)} customers × 1 resource, pool of ${CONCURRENCY} (${TOKEN_LATENCY_MS} ms latency)`, figure: `${ms(check.pooledMs)}, ${check.keychainWrites} keychain write(s)`, baseline: `floor ${ms(check.floorMs)} (latency × ⌈N ÷ ${CONCURRENCY}⌉)`, ratio: result.ratios.accessCheckVsFloor, goal: '≤ 1.3×' });
    rows.push({ measure: 'speed-up over the sequential loop the seed scripts run (loop ÷ pool)', figure: ms(check.pooledMs), baseline: `loop ${ms(check.sequentialMs)} (${scale.sequential} measured, scaled), a keychain write per redemption`, ratio: result.ratios.sequentialVsAccessCheck, goal: '≥ 15×' });
    rows.push({ measure: `the same check through a 429 storm (${3 * CONCURRENCY} answers throttled, Retry-After 1 s)`, figure: `${ms(check.storm.ms)}, ${check.storm.pauses} pause(s), ${check.storm.failed} failed`, baseline: `without the storm ${ms(check.pooledMs)}`, ratio: check.storm.ms / check.pooledMs, goal: 'report' });

    log('renderer in Chromium…');
    // Background refreshes stay pending so they do not compete with what is measured.
    sim.state.controls.latency = [{ ms: 600_000, path: '/partnercenter/' }];
    const browser = await launchChromium(sim);
    try {
      const minimalMs = await measureMinimalPage(browser);
      const empty = await measureApp(browser, isolated.environment, profile, []);
      const full = await measureApp(browser, isolated.environment, profile, listing.customers, scale.keystrokes);
      const median = percentile(full.keystrokesMs, 50);
      const p95 = percentile(full.keystrokesMs, 95);
      Object.assign(result.ratios, {
        firstPaintVsMinimalPage: empty.firstPaintMs / minimalMs,
        firstPaintFullVsEmpty: full.firstPaintMs / empty.firstPaintMs,
        keystrokeMedianVsFrame: median / FRAME_MS,
        keystrokeP95VsFrame: p95 / FRAME_MS,
      });
      rows.push({ measure: 'renderer first paint, empty list (Chromium)', figure: ms(empty.firstPaintMs), baseline: `minimal React page ${ms(minimalMs)}`, ratio: result.ratios.firstPaintVsMinimalPage!, goal: '≤ 2×' });
      rows.push({ measure: `renderer first paint, ${count(listing.customers.length)} customers`, figure: ms(full.firstPaintMs), baseline: `empty list ${ms(empty.firstPaintMs)}`, ratio: result.ratios.firstPaintFullVsEmpty!, goal: '≤ 1.1×' });
      rows.push({ measure: `filter keystroke at ${count(listing.customers.length)} customers, median of ${full.keystrokesMs.length} (input → paint of the filtered rows)`, figure: ms(median), baseline: `one 60 Hz frame ${ms(FRAME_MS)}`, ratio: result.ratios.keystrokeMedianVsFrame!, goal: '≤ 1×' });
      rows.push({ measure: 'the same, 95th percentile', figure: ms(p95), baseline: `one 60 Hz frame ${ms(FRAME_MS)}`, ratio: result.ratios.keystrokeP95VsFrame!, goal: '≤ 2×' });
      rows.push({ measure: `renderer heap with ${count(listing.customers.length)} customers`, figure: mb(full.heapBytes), baseline: `empty list ${mb(empty.heapBytes)}`, ratio: full.heapBytes / empty.heapBytes, goal: 'report' });
      result.figures.renderer = { minimalPageFirstPaintMs: minimalMs, empty, full: { ...full, keystrokeMedianMs: median, keystrokeP95Ms: p95 } };
    } finally {
      await browser.close();
    }
    result.figures.listing = { listMs: listing.listMs, floorMs: listing.floorMs, roundTrips: listing.roundTrips, heapWithoutBytes: listing.heapWithout, heapWithBytes: listing.heapWith };
    result.figures.accessCheck = { pooledMs: check.pooledMs, floorMs: check.floorMs, sequentialMs: check.sequentialMs, keychainWrites: check.keychainWrites, storm: check.storm };
  } finally {
    await isolated.cleanUp();
    await sim.stop();
  }
  process.stdout.write(`\nSAM Desk benchmarks${quick ? ' (quick: small scale, figures mean nothing)' : ''} on ${result.machine}\n\n${printTable(rows)}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}

// Exits when done: keep-alive sockets and timers of the services would otherwise hold the process.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
