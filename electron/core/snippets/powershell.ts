/**
 * PowerShell quoting. Every value SAM Desk puts in a snippet goes in as a single-quoted literal,
 * where nothing is interpreted: `$(...)`, backticks and double quotes are plain text, and the only
 * escape is a doubled quote. PowerShell also accepts the typographic quotes U+2018–U+201B as single
 * quotes, so those are doubled too (about_Quoting_Rules).
 */
const singleQuoteLike = /['\u2018\u2019\u201A\u201B]/g;

export function quoteLiteral(value: string): string {
  // A NUL cannot be typed or pasted into a console (many end the paste there), so it becomes U+FFFD.
  const pasteable = value.replace(/\0/g, '\uFFFD');
  return `'${pasteable.replace(singleQuoteLike, (quote) => quote + quote)}'`;
}

/**
 * Text for a `#` comment: a line comment ends at a line break, so every control character and
 * line or paragraph separator becomes a space and untrusted text stays inside the comment.
 */
export function commentText(value: string): string {
  return value.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
}
