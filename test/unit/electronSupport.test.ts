import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronSupport, type SupportTable } from '../support/electronSupport';

const root = join(__dirname, '../..');
const table = JSON.parse(readFileSync(join(root, 'build/electron-support.json'), 'utf8')) as SupportTable;
const installed = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

describe('the Electron SAM Desk ships on is supported upstream', () => {
  it(`installed Electron ${installed} is a supported major today`, () => {
    const status = electronSupport(installed, table, new Date());
    expect(status, status.supported ? '' : status.reason).toMatchObject({ supported: true });
  });

  it('refuses a major past its end of support, and one the table does not know', () => {
    expect(electronSupport('41.7.1', table, new Date('2026-12-01T00:00:00Z'))).toEqual({
      supported: false,
      major: 41,
      reason: 'Electron 41 has been out of support since 2026-08-25: upgrade to a supported major.',
    });
    expect(electronSupport('39.0.0', table, new Date('2026-12-01T00:00:00Z'))).toMatchObject({ supported: false, reason: expect.stringContaining('not in build/electron-support.json') });
    expect(electronSupport('45.5.0', table, new Date('2026-12-01T00:00:00Z'))).toMatchObject({ supported: true, major: 45 });
  });
});
