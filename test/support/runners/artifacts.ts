import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestLog } from '../../sim/requestLog';

export const resultsDir = join(__dirname, '../../../test-results');

/** A file name from a test's titles: letters, digits and dashes, short enough for every file system. */
export function artifactName(...titles: string[]): string {
  return titles
    .join(' ')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}

/** Writes what each simulator answered since its mark to test-results/sim-logs/NAME.log; returns the paths. */
export function saveRequestLogs(name: string, clouds: Array<{ requestLog: RequestLog; url: string; mark?: number }>): string[] {
  const folder = join(resultsDir, 'sim-logs');
  mkdirSync(folder, { recursive: true });
  return clouds.map(({ requestLog, url, mark }, index) => {
    const file = join(folder, `${name}${clouds.length > 1 ? `-${index + 1}` : ''}.log`);
    writeFileSync(file, [`# requests answered by the simulated cloud at ${url}`, ...requestLog.since(mark)].join('\n') + '\n');
    return file;
  });
}
