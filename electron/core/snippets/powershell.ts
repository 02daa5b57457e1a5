/**
 * PowerShell quoting. Every value SAM Desk puts in a snippet goes in as a single-quoted literal,
 * where nothing is interpreted: `$(...)`, backticks and double quotes are plain text, and the only
 * escape is a doubled quote. PowerShell also accepts the typographic quotes U+2018–U+201B as single
 * quotes, so those are doubled too (about_Quoting_Rules:
 * https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
 */
import { displayText, UNSAFE_TEXT } from '../../ipc/displayText';

const singleQuoteLike = /['\u2018\u2019\u201A\u201B]/g;

const verbatim = (value: string) => `'${value.replace(singleQuoteLike, (quote) => quote + quote)}'`;

/**
 * The value as a literal PowerShell reads back exactly. A value holding characters that must not
 * reach a terminal or a reader's eyes as they are (ESC, bidi overrides, NUL, line breaks; see
 * displayText.ts) becomes a concatenation in which each such character is a `[char]0xNNNN`, so the
 * clipboard text is inert and PowerShell still gets the exact value. It starts with a string, so
 * `+` concatenates rather than adds.
 */
export function quoteLiteral(value: string): string {
  if (!UNSAFE_TEXT.test(value)) return verbatim(value);
  const parts: string[] = [];
  let run = '';
  for (const character of value) {
    if (!UNSAFE_TEXT.test(character)) {
      run += character;
      continue;
    }
    if (run || parts.length === 0) parts.push(verbatim(run));
    run = '';
    // [char] takes one UTF-16 code unit: a character beyond the BMP is its two surrogates.
    for (let i = 0; i < character.length; i++) parts.push(`[char]0x${character.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (run) parts.push(verbatim(run));
  return `(${parts.join(' + ')})`;
}

/** Text for a `#` comment: a line comment ends at a line break, so untrusted text is made safe to show first. */
export function commentText(value: string): string {
  return displayText(value);
}
