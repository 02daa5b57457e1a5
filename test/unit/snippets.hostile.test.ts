import { describe, expect, it } from 'vitest';
import { snippetModuleSchema, type SnippetModule } from '../../electron/ipc/schemas';
import { renderAllCustomersSnippet, renderPasteSnippet, renderScriptSnippet, type SnippetCustomer } from '../../electron/core/snippets/snippets';
import { UNSAFE_TEXT } from '../../electron/ipc/displayText';
import { loadPowerShellGrammar, commandCalls, literalValues, parsePowerShell, shape, singleLiteralValue, syntaxProblems } from './powershellSyntax';
import { customer, expiresAt, fakeTokens, otherCustomer, partner } from './snippetsFixtures';

await loadPowerShellGrammar();

/** Customer names, domains and accounts that try to break out of where SAM Desk puts them. */
const hostileNames = [
  "O'Brien & Sons",
  "'; Remove-Item -Recurse -Force C:\\ ; '",
  '’; Stop-Computer; ‘',
  '‘Typographic’ ‚quotes‛ Ltd',
  '$(Invoke-Expression calc) ${env:USERPROFILE} @(1)',
  'back`tick `n "double" `" quotes',
  'Line one\nRemove-Item C:\\ -Recurse\r\n# next',
  '#> <# block comment #>',
  "@'\nhere-string\n'@",
  'nul\0byte',
  'line\u2028separator\u2029paragraph',
  'esc \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 and \u001b[2J clear',
  'Trojan \u202eSource\u202c \u2066isolate\u2069 zero\u200bwidth',
  '\u001bstarts with ESC',
  '株式会社サクラ商事 — Müller & Søn 🚀',
];

/** Where each module must show the account (-AccountId) and the domain, as one literal argument. */
const expectedArguments: Partial<Record<SnippetModule, Array<{ command: string; parameter: string }>>> = {
  az: [{ command: 'Connect-AzAccount', parameter: '-AccountId' }],
  exchange: [{ command: 'Connect-ExchangeOnline', parameter: '-DelegatedOrganization' }],
  azuread: [{ command: 'Connect-AzureAD', parameter: '-AccountId' }],
  'az-aadgraph': [{ command: 'Connect-AzAccount', parameter: '-AccountId' }],
};

/**
 * A plain name with the same layout: each run of ordinary characters becomes "x", the characters
 * quoteLiteral spells as [char] stay. Its snippet has the structure the hostile one must have.
 */
const plainTwin = (name: string) => [...name].map((c) => (UNSAFE_TEXT.test(c) ? c : 'x')).join('').replace(/x+/g, 'x');

function pasteSnippet(module: SnippetModule, name: string): string {
  const hostile: SnippetCustomer = { ...customer, name, domain: name };
  return renderPasteSnippet(module, { ...partner, account: name }, hostile, fakeTokens, expiresAt).text;
}

describe.each(snippetModuleSchema.options)('the %s snippet with a hostile customer name, domain and account', (module) => {
  it.each(hostileNames)('%j stays inside its string literals, exact, with nothing a terminal would act on', (name) => {
    const source = pasteSnippet(module, name);
    const tree = parsePowerShell(source);

    expect(syntaxProblems(tree)).toEqual([]);
    // Same tree as for a plain name of the same layout: no command, variable, sub-expression or comment was added.
    expect(shape(tree)).toBe(shape(parsePowerShell(pasteSnippet(module, plainTwin(name)))));
    // Every literal ends where the grammar says, by PowerShell's rules (typographic quotes too).
    const values = literalValues(tree);
    for (const { command, parameter } of expectedArguments[module] ?? []) {
      const call = commandCalls(tree).find((candidate) => candidate.name === command);
      const argument = call?.parameters.find((p) => p.name === parameter)?.argument;
      expect(singleLiteralValue(argument), `${command} ${parameter}`).toBe(name);
    }
    // The hostile text appears nowhere but whole, in literals, and made safe on comment lines.
    const outsideLiterals = values.filter((value) => value !== name).join('\n');
    expect(outsideLiterals).not.toContain('Remove-Item');
    // The clipboard text itself holds no control, bidi or zero-width character (tabs and line ends of the snippet aside).
    expect(source.replace(/[\n\r]/g, '')).not.toMatch(UNSAFE_TEXT);
  });
});

describe('script and all-customers modes with hostile names', () => {
  const modules = ['az', 'exchange', 'exchange-legacy', 'partnercenter'] as const;

  it.each(modules)('%s: a script for one hostile customer parses to the same tree as for a plain one', (module) => {
    for (const name of hostileNames) {
      const render = (value: string) => renderScriptSnippet(module, { ...partner, account: value }, { ...customer, name: value, domain: value });
      const tree = parsePowerShell(render(name));
      expect(syntaxProblems(tree)).toEqual([]);
      expect(shape(tree)).toBe(shape(parsePowerShell(render(plainTwin(name)))));
    }
  });

  it.each(modules)('%s: the customer table holds each hostile name as one Name literal', (module) => {
    const hostileCustomers = hostileNames.map((name, index) => ({
      tenantId: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
      name,
      domain: name,
    }));
    const plain = hostileCustomers.map((c) => ({ ...c, name: plainTwin(c.name), domain: plainTwin(c.domain) }));
    const source = renderAllCustomersSnippet(module, partner, hostileCustomers, '2026-03-01T09:00:00Z');
    const tree = parsePowerShell(source);

    expect(syntaxProblems(tree)).toEqual([]);
    expect(shape(tree)).toBe(shape(parsePowerShell(renderAllCustomersSnippet(module, partner, plain, '2026-03-01T09:00:00Z'))));
    const values = literalValues(tree);
    for (const name of hostileNames) expect(values.filter((value) => value === name)).toHaveLength(2);
  });

  it('a long customer list renders as one valid script', () => {
    const many = Array.from({ length: 2_000 }, (_, index) => ({
      ...otherCustomer,
      tenantId: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
      name: hostileNames[index % hostileNames.length]!,
    }));
    const tree = parsePowerShell(renderAllCustomersSnippet('graph', partner, many, '2026-03-01T09:00:00Z'));
    expect(tree.rootNode.hasError).toBe(false);
  });
});
