/**
 * Vitest setup for suites that start simulated clouds: when a test fails, the requests each
 * running simulator answered during it are saved under test-results/sim-logs/, named after the test.
 */
import { relative } from 'node:path';
import { beforeEach } from 'vitest';
import { runningClouds } from '../../sim/requestLog';
import { artifactName, saveRequestLogs } from './artifacts';

beforeEach(({ task, onTestFailed }) => {
  const marks = new Map([...runningClouds].map((cloud) => [cloud, cloud.requestLog.mark()]));
  onTestFailed(() => {
    // Clouds started by the test itself have no mark: everything they answered is relevant.
    const clouds = [...runningClouds].map((cloud) => ({ requestLog: cloud.requestLog, url: cloud.url, mark: marks.get(cloud) ?? 0 }));
    if (clouds.length === 0) return;
    const file = relative(process.cwd(), task.file?.filepath ?? 'unknown').replace(/\.test\.ts$/, '');
    for (const path of saveRequestLogs(artifactName(file, task.name), clouds)) {
      console.error(`simulator request log for the failed test: ${relative(process.cwd(), path)}`);
    }
  });
});
