import { describe, expect, it } from 'vitest';
import { commentText, quoteLiteral } from '../../electron/core/snippets/powershell';
import { displayText } from '../../electron/ipc/displayText';

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

describe('characters a terminal or a reader must not get as they are', () => {
  it.each([
    ['nul\0byte', "('nul' + [char]0x0000 + 'byte')"],
    ['\u001b]8;;https://evil.example\u0007', "('' + [char]0x001B + ']8;;https://evil.example' + [char]0x0007)"],
    ["Trojan \u202eSource's", "('Trojan ' + [char]0x202E + 'Source''s')"],
    ['tag \u{E0041}', "('tag ' + [char]0xDB40 + [char]0xDC41)"],
  ])('spells %j as [char] in a concatenation PowerShell reads back exactly', (value, expected) => {
    expect(quoteLiteral(value)).toBe(expected);
  });
});

describe('display text', () => {
  it('removes escape sequences whole and turns other controls, bidi and zero-width characters into spaces', () => {
    expect(displayText('Contoso \u001b[31mred\u001b[0m \u001b]0;title\u0007Ltd')).toBe('Contoso red Ltd');
    expect(displayText('evil\u202etxt.exe \u2066x\u2069 zero\u200bwidth\n')).toBe('evil txt.exe x zero width');
    expect(displayText('  Müller   Bäckerei  ')).toBe('Müller Bäckerei');
  });
});
