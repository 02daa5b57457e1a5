import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE } from '../../electron/core/app/logger';

const refreshToken = `0.A${'Qz8_-k'.repeat(40)}`;
const jwt = ['eyJhbGciOiJSUzI1NiJ9', 'eyJhdWQiOiJodHRwczovL2dyYXBoIn0', 'c2lnbmF0dXJlc2lnbmF0dXJl'].join('.');

function home(): string {
  return mkdtempSync(join(tmpdir(), 'samdesk-log-'));
}

describe('the logger', () => {
  it('writes one redacted line per event to SAMDESK_HOME/logs, readable by the user only', () => {
    const folder = home();
    const logger = createLogger({ home: folder, now: () => new Date('2026-11-01T08:00:00Z') });
    logger.info('Renewal started for Contoso');
    logger.error('Renewal failed', new Error(`invalid_grant for refresh_token=${refreshToken} with ${jwt}`));

    const file = join(folder, 'logs', LOG_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('2026-11-01T08:00:00.000Z INFO  Renewal started for Contoso');
    expect(text).toContain('ERROR Renewal failed Error: invalid_grant for refresh_token=[redacted] with [redacted]');
    expect(text).not.toContain(refreshToken);
    expect(text).not.toContain(jwt);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(folder, 'logs')).mode & 0o777).toBe(0o700);
  });

  it('redacts the message too, not only errors', () => {
    const folder = home();
    createLogger({ home: folder }).warn(`Got ${refreshToken}`);
    expect(readFileSync(join(folder, 'logs', LOG_FILE), 'utf8')).not.toContain(refreshToken);
  });

  it('rotates by size and keeps a bounded number of old files', () => {
    const folder = home();
    const logger = createLogger({ home: folder, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(join(folder, 'logs')).sort();
    expect(files).toEqual(['samdesk.1.log', 'samdesk.2.log', 'samdesk.log']);
    for (const name of files) expect(statSync(join(folder, 'logs', name)).size).toBeLessThanOrEqual(200);
    expect(readFileSync(join(folder, 'logs', 'samdesk.log'), 'utf8')).toContain('line 39');
  });

  it('skips levels below the threshold', () => {
    const folder = home();
    const logger = createLogger({ home: folder, level: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    expect(readFileSync(join(folder, 'logs', LOG_FILE), 'utf8')).not.toContain('quiet');
  });

  it('sends warnings and errors to stderr in the CLI, redacted, one line each', () => {
    const written: string[] = [];
    const logger = createLogger({ stderr: { write: (text: string) => written.push(text) } });
    logger.info('not shown');
    logger.warn(`Keychain slow for ${refreshToken}`);
    expect(written).toEqual(['samdesk: warn: Keychain slow for [redacted]\n']);
  });

  it('keeps working when the log folder cannot be written', () => {
    const notAFolder = join(home(), 'file');
    writeFileSync(notAFolder, '');
    const logger = createLogger({ home: notAFolder });
    expect(() => logger.error('still fine', new Error('x'))).not.toThrow();
  });
});
