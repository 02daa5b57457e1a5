#!/usr/bin/env node
// Counts the security tests by category from real test reports, for SECURITY.md.
//
//   node scripts/security-counts.mjs          read the last reports
//   node scripts/security-counts.mjs --run    run the security tests first (Vitest, then Playwright)
//
// Reports: test-results/security-vitest.json (Vitest's JSON reporter) and
// test-results/security-playwright.json (Playwright's). Counts come from what ran, so a skipped
// or failed test shows as such; nothing is counted from source text.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const categories = [
  ['Electron hardening (webPreferences, CSP, permissions, navigation, IPC sender, app://)', /unit\/webPreferences|unit\/security\.policy/],
  ['Links to the OS browser (shell.openExternal)', /unit\/externalUrls/],
  ['Redaction and logs', /unit\/redact/],
  ['Secrets never leak (files, temp, renderer, CLI)', /integration\/secrets\.leak|security\.spec\.ts > the renderer never receives/],
  ['Keychain trouble and damaged metadata', /integration\/keychain|security\.spec\.ts > a damaged/],
  ['Network faults, retries, cancellation, lost answers', /integration\/faults/],
  ['Bad input and hostile IPC payloads', /integration\/bad-input/],
  ['Cross-process locking, stale-lock takeover and the loopback listener', /integration\/crossProcess|unit\/fileLock|integration\/loopback/],
  ['Cloud binding: a token only to the cloud it was consented in', /integration\/cloudBinding|unit\/cloud\.test/],
  ['Clipboard written and cleared by main, concealed', /unit\/clipboardKeeper|snippets\.spec\.ts|mainProcess\.test\.ts > .*clipboard/],
  ['The Electron main process (single instance, guards, confirmations, packaged rules)', /integration\/mainProcess/],
  ['Main decides: bulk minting rate-limited, removal leaves nothing', /integration\/bulkMinting|unit\/rateLimit|integration\/profileRemoval/],
  ['Hostile names and PowerShell literals', /unit\/snippets\.hostile|integration\/hostileNames/],
  ['Electron within its support window', /unit\/electronSupport/],
];

const vitestFiles = [
  'test/unit/externalUrls.test.ts',
  'test/unit/webPreferences.test.ts',
  'test/unit/security.policy.test.ts',
  'test/unit/redact.test.ts',
  'test/unit/redact.logger.test.ts',
  'test/integration/secrets.leak.test.ts',
  'test/integration/keychain.test.ts',
  'test/integration/faults.test.ts',
  'test/integration/bad-input.test.ts',
  'test/integration/crossProcess.test.ts',
  'test/unit/fileLock.test.ts',
  'test/integration/loopback.test.ts',
  'test/integration/cloudBinding.test.ts',
  'test/unit/cloud.test.ts',
  'test/unit/clipboardKeeper.test.ts',
  'test/integration/mainProcess.test.ts',
  'test/integration/bulkMinting.test.ts',
  'test/unit/rateLimit.test.ts',
  'test/integration/profileRemoval.test.ts',
  'test/unit/snippets.hostile.test.ts',
  'test/integration/hostileNames.test.ts',
  'test/unit/electronSupport.test.ts',
];
const vitestReport = 'test-results/security-vitest.json';
const playwrightReport = 'test-results/security-playwright.json';

if (process.argv.includes('--run')) {
  const run = (command, args, env = {}) => {
    try {
      execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    } catch {
      // failures are counted from the report
    }
  };
  const withDesktop = ['scripts/with-keyring.sh', 'bash', 'scripts/with-display.sh'];
  run('bash', [...withDesktop, 'npx', 'vitest', 'run', '--reporter=json', `--outputFile=${vitestReport}`, ...vitestFiles]);
  run('npx', ['electron-vite', 'build']);
  run('bash', [...withDesktop, 'npx', 'playwright', 'test', 'test/e2e/security.spec.ts', 'test/e2e/snippets.spec.ts', '--reporter=json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
}

/** [{ name: "file > test title", status: passed|failed|skipped }] */
const results = [];
if (existsSync(vitestReport)) {
  for (const file of JSON.parse(readFileSync(vitestReport, 'utf8')).testResults ?? []) {
    const path = file.name.replace(`${process.cwd()}/`, '');
    for (const test of file.assertionResults ?? []) {
      const status = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped';
      results.push({ name: `${path} > ${test.fullName}`, status });
    }
  }
}
if (existsSync(playwrightReport)) {
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const outcome = test.results?.at(-1)?.status;
        const status = outcome === 'passed' ? 'passed' : outcome === 'skipped' || outcome === undefined ? 'skipped' : 'failed';
        results.push({ name: `${file} > ${spec.title}`, status });
      }
    }
    for (const child of suite.suites ?? []) walk(child, child.file ?? file);
  };
  for (const suite of JSON.parse(readFileSync(playwrightReport, 'utf8')).suites ?? []) walk(suite, `test/e2e/${suite.file ?? suite.title}`);
}
if (results.length === 0) {
  console.error('No reports found. Run: node scripts/security-counts.mjs --run');
  process.exit(1);
}

// Each test counts once, in the first category whose pattern its file (and title) matches.
const categoryOf = (result) => categories.findIndex(([, pattern]) => pattern.test(result.name));
const rows = categories.map(([label], index) => {
  const mine = results.filter((result) => categoryOf(result) === index);
  const count = (status) => mine.filter((result) => result.status === status).length;
  return { label, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
});
const uncategorised = results.filter((result) => categoryOf(result) === -1);
console.log('| category | passed | failed | skipped |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.label} | ${row.passed} | ${row.failed} | ${row.skipped} |`);
const total = (key) => results.filter((result) => result.status === key).length;
console.log(`| **all security tests** | ${total('passed')} | ${total('failed')} | ${total('skipped')} |`);
if (uncategorised.length) console.log(`\n${uncategorised.length} test(s) matched no category: ${uncategorised.map((r) => r.name).join('; ')}`);
