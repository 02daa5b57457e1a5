/**
 * A Playwright reporter that records which tests are running (test-results/playwright-running.json),
 * so that whoever stops a hung run can say where it was. Playwright's own globalTimeout bounds the run.
 */
import type { Reporter, TestCase } from '@playwright/test/reporter';
import { RunningTests } from './running';

export default class PlaywrightWatchdog implements Reporter {
  private readonly running = new RunningTests('playwright');

  onTestBegin(test: TestCase): void {
    this.running.start(test.id, `${test.location.file.replace(`${process.cwd()}/`, '')} > ${test.titlePath().filter(Boolean).slice(1).join(' > ')}`);
  }

  onTestEnd(test: TestCase): void {
    this.running.end(test.id);
  }

  printsToStdio(): boolean {
    return false;
  }
}
