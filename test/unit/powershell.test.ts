import { describe, expect, it } from 'vitest';
import { commentText, quoteLiteral } from '../../electron/core/snippets/powershell';

describe('PowerShell single-quoted literals', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien & Sons", "'O''Brien & Sons'"],
    ['$(Remove-Item C:\\ -Recurse)', "'$(Remove-Item C:\\ -Recurse)'"],
    ['back`tick "double"', "'back`tick \"double\"'"],
    ['typographic ‘quotes’ ‚low‛', "'typographic ‘‘quotes’’ ‚‚low‛‛'"],
    ['株式会社サクラ商事', "'株式会社サクラ商事'"],
  ])('quotes %j so PowerShell reads it back unchanged', (value, expected) => {
    expect(quoteLiteral(value)).toBe(expected);
  });
});

describe('comment text', () => {
  it('keeps hostile names on the comment line', () => {
    expect(commentText("Evil\nRemove-Item -Recurse C:\\\r\n# x\u2028y")).toBe('Evil Remove-Item -Recurse C:\\ # x y');
  });
});

describe('characters a console cannot take', () => {
  it('turns NUL into U+FFFD so the pasted literal stays whole', () => {
    expect(quoteLiteral('nul\0byte')).toBe("'nul\uFFFDbyte'");
  });
});
