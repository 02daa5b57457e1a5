import { describe, expect, it } from 'vitest';
import { dateTimeFormats } from '../../electron/ipc/dateTime';

const moment = '2026-03-01T09:05:07Z';

describe('one date-time format for the whole window', () => {
  it('follows the locale: the same moment reads as an American or a German admin expects', () => {
    expect(dateTimeFormats('en-US', 'UTC').dateTime(moment)).toBe('Mar 1, 2026, 9:05 AM');
    expect(dateTimeFormats('de-DE', 'UTC').dateTime(moment)).toBe('1. März 2026, 9:05');
  });

  it('names the zone where the moment matters (expiry, last renewal), in the admin’s own zone', () => {
    expect(dateTimeFormats('en-US', 'UTC').dateTime(moment, { zone: true })).toBe('Mar 1, 2026, 9:05 AM UTC');
    expect(dateTimeFormats('en-GB', 'Europe/London').dateTime('2026-07-01T09:05:07Z', { zone: true })).toBe('1 Jul 2026, 10:05 BST');
    expect(dateTimeFormats('en-US', 'America/New_York').time(new Date(moment), { zone: true })).toBe('4:05 AM EST');
  });

  it('shows seconds, with the zone, where versions follow each other within a minute', () => {
    expect(dateTimeFormats('en-US', 'UTC').dateTime(moment, { seconds: true })).toBe('Mar 1, 2026, 9:05:07 AM UTC');
  });

  it('writes calendar end dates in UTC, as Partner Center and GDAP report them, whatever the local zone', () => {
    expect(dateTimeFormats('en-US', 'Pacific/Auckland').date('2026-03-01T00:00:00Z')).toBe('Mar 1, 2026');
  });

  it('leaves a value that is not a date as it came, rather than showing “Invalid Date”', () => {
    expect(dateTimeFormats('en-US', 'UTC').dateTime('soon')).toBe('soon');
    expect(dateTimeFormats('en-US', 'UTC').date('')).toBe('');
  });
});
