/**
 * Text from outside (a customer name from Partner Center, a profile name typed by someone) as SAM
 * Desk shows or prints it: in the window, the tray, notifications, the terminal and snippet
 * comments. Control characters (ESC among them, which starts terminal escape sequences), Unicode
 * format characters (the bidi overrides and isolates of "Trojan Source", CVE-2021-42574:
 * https://trojansource.codes/, and zero-width characters) and line or paragraph separators would
 * otherwise reorder, hide or inject what a person reads. Browser-safe: the renderer uses it too.
 */

/** Controls (C0, DEL, C1), format characters (bidi, zero-width) and line/paragraph separators. */
export const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

// Terminal escape sequences go whole (their parameters are not text a person should see).
// eslint-disable-next-line no-control-regex -- matching ESC [ … (CSI) and ESC ] … BEL / ESC \ (OSC) is the point
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** Escape sequences removed, every other unsafe character a space, runs of spaces one, trimmed. */
export function displayText(value: string): string {
  return value
    .replace(ESCAPE_SEQUENCES, '')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
