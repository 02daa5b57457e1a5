/**
 * The one way SAM Desk writes a date or a time, in the window and in the CLI's and readiness's words
 * alike: the user's locale (Intl, so this file stays browser-safe), the zone where a moment matters
 * across machines (expiry, last renewal, retries), and time left always as formatTimeLeft words.
 */
export interface DateTimeFormats {
  /** "Mar 1, 2026, 10:15 AM" (en-US) / "1. März 2026, 10:15" (de-DE); with `zone`, "… UTC" / "… MEZ"; `seconds` implies the zone. */
  dateTime(iso: string, options?: { zone?: boolean; seconds?: boolean }): string;
  /** A calendar day in UTC, as Partner Center and GDAP report end dates: "Mar 1, 2026". */
  date(iso: string): string;
  /** A time of day: "10:15 AM", "10:15 UTC". */
  time(date: Date, options?: { zone?: boolean }): string;
}

const dayParts = { year: 'numeric', month: 'short', day: 'numeric' } as const;
const timeParts = { hour: 'numeric', minute: '2-digit' } as const;

/** Formats for a locale and zone (tests name both; the app takes the machine's). */
export function dateTimeFormats(locale?: string, timeZone?: string): DateTimeFormats {
  // Each formatter is built on first use: building one costs milliseconds (a zone name's far more), and the first screen needs one.
  const lazyFormat = (options: Intl.DateTimeFormatOptions) => {
    let format: Intl.DateTimeFormat | undefined;
    return (date: Date) => (format ??= new Intl.DateTimeFormat(locale, { ...options, timeZone: options.timeZone ?? timeZone })).format(date);
  };
  // Intl refuses dateStyle/timeStyle together with timeZoneName, so the parts are spelled out.
  const plain = lazyFormat({ ...dayParts, ...timeParts });
  const zoned = lazyFormat({ ...dayParts, ...timeParts, timeZoneName: 'short' });
  // Key Vault versions can follow each other within a minute: theirs show the seconds.
  const zonedSeconds = lazyFormat({ ...dayParts, ...timeParts, second: '2-digit', timeZoneName: 'short' });
  const day = lazyFormat({ ...dayParts, timeZone: 'UTC' });
  const clock = lazyFormat(timeParts);
  const clockZoned = lazyFormat({ ...timeParts, timeZoneName: 'short' });
  const parse = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? undefined : date;
  };
  return {
    dateTime: (iso, options) => {
      const date = parse(iso);
      if (!date) return iso;
      return (options?.seconds ? zonedSeconds : options?.zone ? zoned : plain)(date);
    },
    date: (iso) => {
      const date = parse(iso);
      return date ? day(date) : iso;
    },
    time: (date, options) => (options?.zone ? clockZoned : clock)(date),
  };
}

const machine = dateTimeFormats();

export const formatDateTime = machine.dateTime;
export const formatDate = machine.date;
export const formatTime = machine.time;

