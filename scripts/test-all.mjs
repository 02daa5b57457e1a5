#!/usr/bin/env node
// Everything CI checks, in order: typecheck, lint, build, Vitest (unit + integration), Playwright,
// and the benchmark once at a small scale (its figures mean nothing; it runs so that it cannot rot).
// Each step streams its own output and has a time budget: a step past its budget is killed with
// everything it started, and the summary says which test it was in (the runners' watchdog
// reporters keep test-results/{vitest,playwright}-running.json) and where its process tree was
// saved. A failing step does not stop the later ones, so one run reports every problem;
// Playwright is skipped only when there is no build to test.
// The last lines are the summary: failed steps, each failing test with its first error line and
// its artifacts, then `tests: N passed, N failed, N skipped`, counted from the runners' JSON
// reports. Exit status is non-zero if any step failed, any test failed, a runner wrote no report,
// or no test ran at all.
//
// Plain Node, no dependencies: it runs before anything else is known to work.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const vitestReport = join(resultsDir, 'vitest.json');
const playwrightReport = join(resultsDir, 'playwright.json'); // written by playwright.config.ts
const minutes = (n) => n * 60_000;
// Steps run in their own process groups, so Ctrl+C or a CI cancel reaches them only through here.
let stopCurrent = () => undefined;
let currentStep = 'starting';
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\n=== stopped by ${signal} during ${currentStep}`);
    for (const runner of ['vitest', 'playwright']) {
      if (currentStep.startsWith(runner)) for (const line of runningAtKill(runner)) console.log(line);
    }
    stopCurrent();
    process.exit(130);
  });
}

// vitest.config.ts is ESM in a CommonJS package; Vite's advice about that is noise here.
const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };

/**
 * Runs `npx ...args` with inherited stdio in its own process group; resolves with how it ended.
 * Past `budgetMs` the whole group is killed (SIGTERM, then SIGKILL 10 s later).
 */
function run(title, args, budgetMs) {
  currentStep = title;
  console.log(`\n=== ${title}: npx ${args.join(' ')} (budget ${budgetMs / 60_000} min)`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: root,
      env,
      stdio: 'inherit',
      detached: process.platform !== 'win32',
      shell: process.platform === 'win32', // npx is npx.cmd there
    });
    let overBudget = false;
    stopCurrent = () => kill('SIGKILL');
    const kill = (signal) => {
      try {
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
      } catch {
        // already gone
      }
    };
    const budget = setTimeout(() => {
      overBudget = true;
      saveProcessTree(title);
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 10_000).unref();
    }, budgetMs);
    const finish = (how, ok) => {
      clearTimeout(budget);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (${how})`} in ${seconds}s`);
      resolve({ ok, overBudget });
    };
    child.on('error', (error) => finish(`could not start (${error.message})`, false));
    child.on('exit', (status, signal) => {
      // Nothing it started may outlive it.
      kill('SIGKILL');
      if (overBudget) return finish(`past its budget of ${budgetMs / 60_000} min; killed`, false);
      finish(signal ? `killed by ${signal}` : `exit ${status}`, status === 0);
    });
  });
}

/** The process tree at the moment a step is killed: what was it waiting for? */
function saveProcessTree(title) {
  const file = join(resultsDir, `${title.replace(/[^a-z0-9]+/gi, '-')}-processes.txt`);
  const ps = spawnSync('ps', ['-eo', 'pid,ppid,etime,stat,wchan:24,args', '--forest'], { encoding: 'utf8', timeout: 10_000 });
  writeFileSync(file, ps.stdout || ps.error?.message || 'ps printed nothing');
  return file;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { missing: `${relative(root, file)} was not written or is unreadable (${error.code ?? error.message})` };
  }
}

/** What a runner's watchdog reporter said was running, if its step was killed. */
function runningAtKill(runner) {
  const running = readJson(join(resultsDir, `${runner}-running.json`));
  if (!Array.isArray(running)) return ['  (the watchdog wrote nothing: the runner stopped before any test began)'];
  if (running.length === 0) return ['  (no test was running: it hung between tests or while shutting down)'];
  return running.map((entry) => `  was in: ${entry.name} (since ${entry.startedAt})`);
}

// eslint-disable-next-line no-control-regex -- terminal colour codes (ESC [ … m) in runners' messages
const firstLine = (text) => String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim()) ?? '';

/** Vitest writes Jest-compatible JSON. */
function summarizeVitest(report) {
  if (report.missing) return { name: 'Vitest', passed: 0, failed: 0, skipped: 0, problems: [report.missing], skips: [] };
  const problems = [];
  const skips = [];
  for (const file of report.testResults ?? []) {
    const path = relative(root, file.name);
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') problems.push(`FAIL ${path} > ${test.fullName}\n      ${firstLine(test.failureMessages?.[0])}`);
      if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') {
        skips.push(`${test.status} ${path} > ${test.fullName}`);
      }
    }
    // A file that fails before any test runs (an import error, a failing beforeAll) has no
    // failed assertions of its own; its message says why.
    const failedTests = (file.assertionResults ?? []).some((test) => test.status === 'failed');
    if (file.status === 'failed' && !failedTests) {
      problems.push(`FAIL ${path}: ${firstLine(file.message) || 'failed outside any test'}`);
    }
  }
  const simLogs = join(resultsDir, 'sim-logs');
  if (problems.length && existsSync(simLogs)) {
    problems.push(`simulator request logs of the failed tests: ${relative(root, simLogs)}/ (${readdirSync(simLogs).length} files)`);
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
  const problems = (report.errors ?? []).map((error) => `ERROR ${firstLine(error.message ?? String(error))}`);
  const skips = [];
  const visit = (suite, titles) => {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const name = `[${test.projectName}] ${[...path, spec.title].join(' > ')}`;
        const failure = (test.results ?? []).find((result) => result.status !== 'passed' && result.status !== 'skipped');
        if (test.status === 'unexpected' || test.status === 'flaky') {
          const artifacts = (failure?.attachments ?? []).filter((a) => a.path).map((a) => `      ${a.name}: ${relative(root, a.path)}`);
          const lines = [`${test.status === 'flaky' ? 'FLAKY' : 'FAIL'} ${name}`, `      ${firstLine(failure?.error?.message)}`, ...artifacts];
          if ((failure?.attachments ?? []).some((a) => a.name === 'sim-requests.log' && !a.path)) lines.push('      sim-requests.log: in the JSON report');
          problems.push(lines.join('\n'));
        }
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
for (const stale of [vitestReport, playwrightReport, join(resultsDir, 'sim-logs'), join(resultsDir, 'vitest-running.json'), join(resultsDir, 'playwright-running.json')]) {
  rmSync(stale, { recursive: true, force: true });
}

const failedSteps = [];
const killedNotes = [];
const step = async (title, args, budgetMs, runner) => {
  const { ok, overBudget } = await run(title, args, budgetMs);
  if (!ok) failedSteps.push(title);
  if (overBudget) {
    killedNotes.push(`${title} ran past its budget of ${budgetMs / 60_000} min and was killed; process tree: ${relative(root, join(resultsDir, `${title.replace(/[^a-z0-9]+/gi, '-')}-processes.txt`))}`);
    if (runner) killedNotes.push(...runningAtKill(runner));
  }
  return ok;
};

await step('typecheck (node)', ['tsc', '-p', 'tsconfig.node.json', '--noEmit'], minutes(5));
await step('typecheck (web)', ['tsc', '-p', 'tsconfig.web.json', '--noEmit'], minutes(5));
await step('lint', ['eslint', '.'], minutes(5));
const built = await step('build', ['electron-vite', 'build'], minutes(5));
// Vitest's watchdog stops it at 20 minutes (SAMDESK_VITEST_LIMIT_SECONDS); this budget is the backstop.
const vitestOk = await step(
  'vitest',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--reporter=./test/support/runners/vitestWatchdog.ts',
    `--outputFile.json=${relative(root, vitestReport)}`,
  ],
  minutes(22),
  'vitest',
);
let playwrightOk = false;
if (built) {
  // Playwright's globalTimeout is 25 minutes (playwright.config.ts); this budget is the backstop.
  playwrightOk = await step('playwright', ['playwright', 'test'], minutes(27), 'playwright');
} else {
  failedSteps.push('playwright');
  console.log('\n=== playwright: not run, because the build failed and it tests the built app');
}

if (built) {
  // No timing is asserted: the step fails only if the benchmark cannot run to its end.
  await step('bench (quick)', ['tsx', 'bench/run.ts', '--quick', '--json', relative(root, join(resultsDir, 'bench-quick.json'))], minutes(5));
} else {
  failedSteps.push('bench (quick)');
  console.log('\n=== bench (quick): not run, because the build failed and it measures the built renderer');
}

// A runner that stopped itself at its limit (or crashed) wrote no report: say where it was.
for (const [runner, report] of [['vitest', vitestReport], ['playwright', playwrightReport]]) {
  if (!existsSync(report) && existsSync(join(resultsDir, `${runner}-running.json`)) && !killedNotes.some((note) => note.startsWith(runner))) {
    killedNotes.push(`${runner} wrote no report; what it was running when it stopped:`, ...runningAtKill(runner));
  }
}

const vitest = summarizeVitest(readJson(vitestReport));
const playwright = built
  ? summarizePlaywright(readJson(playwrightReport))
  : { name: 'Playwright', passed: 0, failed: 0, skipped: 0, problems: ['not run: the build failed'], skips: [] };

console.log('\n=== summary');
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
for (const note of killedNotes) console.log(note);
printSummary(vitest, vitestOk);
printSummary(playwright, playwrightOk);
if (vitest.failed + playwright.failed > 0) {
  console.log(`\nartifacts: ${relative(root, resultsDir)}/ (Playwright traces and screenshots in e2e/, simulator request logs in sim-logs/)`);
}

const passed = vitest.passed + playwright.passed;
const failed = vitest.failed + playwright.failed;
const skipped = vitest.skipped + playwright.skipped;
const anyReportMissing = [vitest, playwright].some((s) => s.problems.some((p) => p.includes('was not written')));
if (passed + failed === 0) console.log('no test ran');
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);

process.exitCode = failedSteps.length > 0 || failed > 0 || anyReportMissing || passed + failed === 0 ? 1 : 0;
