import { describe, expect, it } from 'vitest';
import { snippetModuleSchema, type SnippetModule } from '../../electron/ipc/contract';
import { renderAllCustomersSnippet, renderPasteSnippet, renderScriptSnippet, type SnippetCustomer } from '../../electron/core/snippets/snippets';
import { loadPowerShellGrammar, commandCalls, parsePowerShell, readVerbatim, shape, singleLiteralValue, syntaxProblems, verbatimLiterals } from './powershellSyntax';
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
  '株式会社サクラ商事 — Müller & Søn 🚀',
];

/** Where each module must show the account (-AccountId) and the domain, as one literal argument. */
const expectedArguments: Partial<Record<SnippetModule, Array<{ command: string; parameter: string }>>> = {
  az: [{ command: 'Connect-AzAccount', parameter: '-AccountId' }],
  exchange: [{ command: 'Connect-ExchangeOnline', parameter: '-DelegatedOrganization' }],
  azuread: [{ command: 'Connect-AzureAD', parameter: '-AccountId' }],
  'az-aadgraph': [{ command: 'Connect-AzAccount', parameter: '-AccountId' }],
};

// What PowerShell reads back: NUL cannot be pasted into a console, so quoting turns it into U+FFFD.
const readBack = (value: string) => value.replace(/\0/g, '\uFFFD');

function pasteSnippet(module: SnippetModule, name: string): string {
  const hostile: SnippetCustomer = { ...customer, name, domain: name };
  return renderPasteSnippet(module, { ...partner, account: name }, hostile, fakeTokens, expiresAt).text;
}

function literalValues(source: string): string[] {
  return verbatimLiterals(parsePowerShell(source)).map((node) => readVerbatim(node.text));
}

describe.each(snippetModuleSchema.options)('the %s snippet with a hostile customer name, domain and account', (module) => {
  const benign = parsePowerShell(pasteSnippet(module, 'Fabrikam'));

  it.each(hostileNames)('%j stays inside its string literals', (name) => {
    const source = pasteSnippet(module, name);
    const tree = parsePowerShell(source);

    expect(syntaxProblems(tree)).toEqual([]);
    // Same tree as for a plain name: no command, variable, sub-expression or comment was added.
    expect(shape(tree)).toBe(shape(benign));
    // Every literal ends where the grammar says, by PowerShell's rules (typographic quotes too).
    const values = literalValues(source);
    for (const { command, parameter } of expectedArguments[module] ?? []) {
      const call = commandCalls(tree).find((candidate) => candidate.name === command);
      const argument = call?.parameters.find((p) => p.name === parameter)?.argument;
      expect(singleLiteralValue(argument), `${command} ${parameter}`).toBe(readBack(name));
    }
    // The hostile text appears nowhere but whole, in literals, and on comment lines.
    const outsideLiterals = values.filter((value) => value !== readBack(name)).join('\n');
    expect(outsideLiterals).not.toContain('Remove-Item');
  });
});

describe('script and all-customers modes with hostile names', () => {
  const modules = ['az', 'exchange', 'exchange-legacy', 'partnercenter'] as const;

  it.each(modules)('%s: a script for one hostile customer parses to the same tree as for a plain one', (module) => {
    const benign = shape(parsePowerShell(renderScriptSnippet(module, partner, customer)));
    for (const name of hostileNames) {
      const tree = parsePowerShell(renderScriptSnippet(module, { ...partner, account: name }, { ...customer, name, domain: name }));
      expect(syntaxProblems(tree)).toEqual([]);
      expect(shape(tree)).toBe(benign);
    }
  });

  it.each(modules)('%s: the customer table holds each hostile name as one Name literal', (module) => {
    const hostileCustomers = hostileNames.map((name, index) => ({
      tenantId: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
      name,
      domain: name,
    }));
    const plain = hostileCustomers.map((c, index) => ({ ...c, name: `Customer ${index}`, domain: `c${index}.example` }));
    const source = renderAllCustomersSnippet(module, partner, hostileCustomers, '2026-03-01T09:00:00Z');
    const tree = parsePowerShell(source);

    expect(syntaxProblems(tree)).toEqual([]);
    expect(shape(tree)).toBe(shape(parsePowerShell(renderAllCustomersSnippet(module, partner, plain, '2026-03-01T09:00:00Z'))));
    const values = literalValues(source);
    for (const name of hostileNames) expect(values.filter((value) => value === readBack(name))).toHaveLength(2);
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
