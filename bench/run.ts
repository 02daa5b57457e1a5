/**
 * `npm run bench`: SAM Desk's hot paths against the simulated cloud with injected latency. Every
 * figure is a ratio to a baseline measured in the same run on the same machine, never an absolute
 * time to compare across machines. Prints a Markdown table (README.md, "Performance").
 */
import { launchChromium } from '../test/support/browser';
import { isolatedEnvironment } from '../test/support/environment';
import { signedInProfile } from '../test/support/signedInProfile';
import { startSimulatedCloud } from '../test/sim';
import { createServices } from '../electron/core/app/services';
import { renderPasteSnippet } from '../electron/core/snippets/snippets';
import { heapUsedAfterGc, machine, ms, printTable, time, type Row } from './measure';
import { measureRenderer } from './renderer';

const CUSTOMERS = 10_000;
const LIST_LATENCY_MS = 40;
const CHECKED_CUSTOMERS = 1_000;
const TOKEN_LATENCY_MS = 25;
const CONCURRENCY = 8;
/** The sequential loop is measured on this many customers and scaled to CHECKED_CUSTOMERS. */
const SEQUENTIAL_SAMPLE = 100;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sim = await startSimulatedCloud({ customers: CUSTOMERS });
  const isolated = isolatedEnvironment(sim);
  const services = createServices(isolated.environment, { opener: { open: () => ({ close: () => undefined }) } });
  try {
    const profile = await signedInProfile(sim, services);

    // 1. Listing 10,000 customers vs the paging floor, and the heap the list takes.
    log('listing 10,000 customers…');
    sim.state.controls.latency = [{ ms: LIST_LATENCY_MS }];
    sim.state.stats.clear();
    const listed = await time(() => services.customers.list(profile.id, true));
    const pages = Math.max(
      sim.state.stats.get('partnercenter customers') ?? 0,
      sim.state.stats.get('graph delegatedAdminCustomers') ?? 0,
      sim.state.stats.get('graph delegatedAdminRelationships') ?? 0,
    );
    // Two token redemptions side by side, then the longest chain of sequential pages.
    const listFloor = (1 + pages) * LIST_LATENCY_MS;
    rows.push({
      measure: `list ${CUSTOMERS.toLocaleString('en-US')} customers (3 sources, ${LIST_LATENCY_MS} ms latency)`,
      figure: ms(listed.ms),
      baseline: `paging floor ${ms(listFloor)} (${1 + pages} round trips)`,
      ratio: listed.ms / listFloor,
    });
    // The same list read back from the cache: the heap just before and just after is what it costs.
    const heapWithout = heapUsedAfterGc();
    const held = await services.customers.cached(profile.id);
    const heapWithList = heapUsedAfterGc();
    const heldCount = held?.customers.length ?? 0;
    rows.push({
      measure: `main-process heap holding ${heldCount.toLocaleString('en-US')} customers`,
      figure: `${(heapWithList / 2 ** 20).toFixed(1)} MB (+${((heapWithList - heapWithout) / 2 ** 20).toFixed(1)} MB)`,
      baseline: `${(heapWithout / 2 ** 20).toFixed(1)} MB without the list`,
      ratio: heapWithList / heapWithout,
    });

    // 2. Access check for 1,000 customers: the pool vs a sequential loop and vs its floor.
    log('access check for 1,000 customers…');
    sim.state.controls.latency = [{ ms: TOKEN_LATENCY_MS, path: '/oauth2/v2.0/token' }];
    const tenantIds = listed.value.customers.slice(0, CHECKED_CUSTOMERS).map((c) => c.tenantId);
    const pooled = await time(() =>
      services.accessCheck.run({ profileId: profile.id, resources: ['azure'], customerTenantIds: tenantIds, concurrency: CONCURRENCY }),
    );
    const poolWrites = services.accessCheck.lastRunKeychainWrites;
    const sequential = await time(async () => {
      // What the seed scripts do: one customer after another, each rotated token written back.
      for (const tenantId of tenantIds.slice(0, SEQUENTIAL_SAMPLE)) {
        await services.keeper.redeem(profile.id, tenantId, 'azure').catch(() => undefined);
      }
    });
    const sequentialMs = (sequential.ms * CHECKED_CUSTOMERS) / SEQUENTIAL_SAMPLE;
    const checkFloor = TOKEN_LATENCY_MS * Math.ceil(CHECKED_CUSTOMERS / CONCURRENCY);
    rows.push({
      measure: `access check, ${CHECKED_CUSTOMERS.toLocaleString('en-US')} customers × 1 resource, pool of ${CONCURRENCY} (${TOKEN_LATENCY_MS} ms latency)`,
      figure: `${ms(pooled.ms)}, ${poolWrites} keychain write(s)`,
      baseline: `sequential loop ${ms(sequentialMs)} (${SEQUENTIAL_SAMPLE} measured, scaled), a write per redemption`,
      ratio: pooled.ms / sequentialMs,
    });
    rows.push({
      measure: 'access check vs its floor (latency × ⌈N / concurrency⌉)',
      figure: ms(pooled.ms),
      baseline: `floor ${ms(checkFloor)}`,
      ratio: pooled.ms / checkFloor,
    });

    // 3. Snippet rendering per second vs JSON.stringify of the same data.
    log('snippets…');
    const partner = {
      account: sim.user,
      applicationId: sim.samAppId,
      partnerTenantId: sim.partnerTenantId,
      hasClientSecret: false,
      loginHost: isolated.environment.cloud.loginHost,
      resources: isolated.environment.cloud.resources,
    };
    const tokens = { azure: 'eyJ0eXAiOiJKV1Qi.'.padEnd(1400, 'a'), graph: 'eyJ0eXAiOiJKV1Qi.'.padEnd(1400, 'b') };
    const sample = listed.value.customers.slice(0, 2_000);
    const expiresAt = new Date();
    const rendered = await time(async () => {
      for (let round = 0; round < 10; round++) for (const c of sample) renderPasteSnippet('az', partner, c, tokens, expiresAt);
    });
    const stringified = await time(async () => {
      for (let round = 0; round < 10; round++) for (const c of sample) JSON.stringify({ partner, c, tokens, expiresAt });
    });
    const perSecond = (run: { ms: number }) => (sample.length * 10 * 1000) / run.ms;
    rows.push({
      measure: 'Connect-AzAccount snippets rendered per second (text + preview)',
      figure: `${Math.round(perSecond(rendered)).toLocaleString('en-US')}/s`,
      baseline: `JSON.stringify of the same data ${Math.round(perSecond(stringified)).toLocaleString('en-US')}/s`,
      ratio: perSecond(rendered) / perSecond(stringified),
    });

    // 4. The renderer in Chromium: first paint and a filter keystroke at 10,000 vs an empty list.
    log('renderer in Chromium…');
    // Background refreshes stay pending so they do not compete with what is measured.
    sim.state.controls.latency = [{ ms: 600_000, path: '/partnercenter/' }];
    const browser = await launchChromium(sim);
    try {
      const empty = await measureRenderer(browser, isolated.environment, profile, []);
      const full = await measureRenderer(browser, isolated.environment, profile, listed.value.customers, 'z');
      rows.push({
        measure: `renderer first paint, ${CUSTOMERS.toLocaleString('en-US')} customers (Chromium)`,
        figure: ms(full.firstPaintMs),
        baseline: `empty list ${ms(empty.firstPaintMs)}`,
        ratio: full.firstPaintMs / empty.firstPaintMs,
      });
      rows.push({
        measure: `filter keystroke at ${CUSTOMERS.toLocaleString('en-US')} customers (keydown → filtered count painted)`,
        figure: ms(full.keystrokeMs!),
        baseline: `empty-list first paint ${ms(empty.firstPaintMs)}`,
        ratio: full.keystrokeMs! / empty.firstPaintMs,
      });
    } finally {
      await browser.close();
    }
  } finally {
    await isolated.cleanUp();
    await sim.stop();
  }
  process.stdout.write(`\nSAM Desk benchmarks on ${machine()}\n\n${printTable(rows)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
