/**
 * A Vitest reporter that bounds the whole run and says where it was: it records every test and
 * hook that is running (test-results/vitest-running.json) and, when the run passes its limit
 * (SAMDESK_VITEST_LIMIT_SECONDS, default 20 minutes), prints them and ends Vitest with exit code 1.
 * Vitest's own test and hook timeouts cannot fire when a worker's event loop is stuck; this can.
 */
import { relative } from 'node:path';
import type { ReportedHookContext, Reporter, TestCase, TestModule } from 'vitest/node';
import { RunningTests, limitFromEnvironment } from './running';

export default class VitestWatchdog implements Reporter {
  private readonly running = new RunningTests('vitest');
  private timer: NodeJS.Timeout | undefined;

  onInit(): void {
    const limitSeconds = limitFromEnvironment('SAMDESK_VITEST_LIMIT_SECONDS', 20 * 60);
    this.timer = setTimeout(() => {
      const where = this.running.list().map((entry) => `  ${entry.name} (since ${entry.startedAt})`);
      process.stderr.write(
        `\nvitest: the run passed its limit of ${limitSeconds} s and was stopped. Running at that moment:\n${where.join('\n') || '  (no file: stuck before the first or after the last)'}\n`,
      );
      process.exit(1);
    }, limitSeconds * 1000);
    this.timer.unref();
  }

  // A file is listed from the moment Vitest hands it to a worker until it ends, so a run stuck
  // while a worker starts, imports or collects a file still names the file.
  onTestModuleQueued(module: TestModule): void {
    this.running.start(`${module.id}:file`, `${nameOf(module, '')} (queued, importing or collecting)`);
  }

  onTestModuleStart(module: TestModule): void {
    this.running.start(`${module.id}:file`, `${nameOf(module, '')} (running)`);
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.end(`${module.id}:file`);
  }

  onTestCaseReady(test: TestCase): void {
    this.running.start(test.id, nameOf(test.module, test.fullName));
  }

  onTestCaseResult(test: TestCase): void {
    this.running.end(test.id);
  }

  onHookStart(hook: ReportedHookContext): void {
    if (hook.name !== 'beforeAll' && hook.name !== 'afterAll') return;
    const { entity } = hook;
    const name = entity.type === 'module' ? nameOf(entity, '') : nameOf(entity.module, entity.fullName);
    this.running.start(`${entity.id}:${hook.name}`, `${name} (${hook.name})`);
  }

  onHookEnd(hook: ReportedHookContext): void {
    this.running.end(`${hook.entity.id}:${hook.name}`);
  }

  onTestRunEnd(): void {
    clearTimeout(this.timer);
  }
}

function nameOf(module: TestModule, fullName: string): string {
  const file = relative(process.cwd(), module.moduleId);
  return fullName ? `${file} > ${fullName}` : file;
}
