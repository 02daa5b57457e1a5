#!/usr/bin/env node
// Everything CI checks, in order: typecheck, lint, build, Vitest (unit + integration), Playwright.
// Each step streams its own output. A failing step does not stop the later ones, so one run
// reports every problem; Playwright is skipped only when there is no build to test.
// The last lines are the two runners' summaries and `tests: N passed, N failed, N skipped`,
// counted from the runners' JSON reports. Exit status is non-zero if any step failed, any test
// failed, a runner wrote no report, or no test ran at all.
//
// Plain Node, no dependencies: it runs before anything else is known to work.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const vitestReport = join(resultsDir, 'vitest.json');
const playwrightReport = join(resultsDir, 'playwright.json'); // written by playwright.config.ts

// vitest.config.ts is ESM in a CommonJS package; Vite's advice about that is noise here.
const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };

/** Runs `npx ...args` with inherited stdio; returns true when it exited 0. */
function run(title, args) {
  console.log(`\n=== ${title}: npx ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync('npx', args, {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32', // npx is npx.cmd there
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  const how = result.error
    ? `could not start (${result.error.message})`
    : result.signal
      ? `killed by ${result.signal}`
      : `exit ${result.status}`;
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (${how})`} in ${seconds}s`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { missing: `${relative(root, file)} was not written or is unreadable (${error.code ?? error.message})` };
  }
}

/** Vitest writes Jest-compatible JSON. */
function summarizeVitest(report) {
  if (report.missing) return { name: 'Vitest', passed: 0, failed: 0, skipped: 0, problems: [report.missing], skips: [] };
  const problems = [];
  const skips = [];
  for (const file of report.testResults ?? []) {
    const path = relative(root, file.name);
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') problems.push(`FAIL ${path} > ${test.fullName}`);
      if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
        skips.push(`${test.status} ${path} > ${test.fullName}`);
      }
    }
    // A file that fails before any test runs (an import error, a failing beforeAll) has no
    // failed assertions of its own; its message says why.
    const failedTests = (file.assertionResults ?? []).some((test) => test.status === 'failed');
    if (file.status === 'failed' && !failedTests) {
      const reason = (file.message ?? '').split('\n')[0] || 'failed outside any test';
      problems.push(`FAIL ${path}: ${reason}`);
    }
  }
  return {
    name: 'Vitest',
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    problems,
    skips,
  };
}

/** Walks Playwright's suites → specs → tests (one per project). */
function summarizePlaywright(report) {
  if (report.missing) return { name: 'Playwright', passed: 0, failed: 0, skipped: 0, problems: [report.missing], skips: [] };
  const problems = (report.errors ?? []).map((error) => `ERROR ${(error.message ?? String(error)).split('\n')[0]}`);
  const skips = [];
  const visit = (suite, titles) => {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const name = `[${test.projectName}] ${[...path, spec.title].join(' > ')}`;
        if (test.status === 'unexpected') problems.push(`FAIL ${name}`);
        if (test.status === 'flaky') problems.push(`FLAKY ${name}`);
        if (test.status === 'skipped') {
          const reason = (test.annotations ?? []).find((a) => a.type === 'skip' || a.type === 'fixme');
          skips.push(`skipped ${name}${reason?.description ? ` (${reason.description})` : ''}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, path);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  const stats = report.stats ?? {};
  return {
    name: 'Playwright',
    // retries are 0, so "flaky" cannot happen; were it enabled, a flaky test passed in the end.
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    problems,
    skips,
  };
}

function printSummary(summary, runnerOk) {
  const { name, passed, failed, skipped, problems, skips } = summary;
  console.log(`\n${name}: ${passed} passed, ${failed} failed, ${skipped} skipped${runnerOk ? '' : ' (runner FAILED)'}`);
  for (const line of skips) console.log(`  ${line}`);
  for (const line of problems) console.log(`  ${line}`);
  if (!runnerOk && failed === 0 && problems.length === 0) {
    console.log('  the runner failed without a failing test (no tests found, or a config or startup error: see its output above)');
  }
}

mkdirSync(resultsDir, { recursive: true });
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

const failedSteps = [];
const step = (title, args) => {
  const ok = run(title, args);
  if (!ok) failedSteps.push(title);
  return ok;
};

step('typecheck (node)', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
step('typecheck (web)', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
step('lint', ['eslint', '.']);
const built = step('build', ['electron-vite', 'build']);
const vitestOk = step('vitest', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${relative(root, vitestReport)}`,
]);
let playwrightOk = false;
if (built) {
  playwrightOk = step('playwright', ['playwright', 'test']);
} else {
  failedSteps.push('playwright');
  console.log('\n=== playwright: not run, because the build failed and it tests the built app');
}

const vitest = summarizeVitest(readJson(vitestReport));
const playwright = built
  ? summarizePlaywright(readJson(playwrightReport))
  : { name: 'Playwright', passed: 0, failed: 0, skipped: 0, problems: ['not run: the build failed'], skips: [] };

console.log('\n=== summary');
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
printSummary(vitest, vitestOk);
printSummary(playwright, playwrightOk);

const passed = vitest.passed + playwright.passed;
const failed = vitest.failed + playwright.failed;
const skipped = vitest.skipped + playwright.skipped;
const anyReportMissing = [vitest, playwright].some((s) => s.problems.some((p) => p.includes('was not written')));
if (passed + failed === 0) console.log('no test ran');
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);

process.exitCode = failedSteps.length > 0 || failed > 0 || anyReportMissing || passed + failed === 0 ? 1 : 0;
