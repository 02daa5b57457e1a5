import { describe, expect, it } from 'vitest';
import { snippetModuleSchema } from '../../electron/ipc/schemas';
import { retirementNotice, snippetCatalog } from '../../electron/core/snippets/catalog';
import { retiredBanner, SNIPPET_MODULE_CARDS } from '../../renderer/src/snippetModules';

describe('the snippet cards the customer pane shows', () => {
  it('offer every module of the contract, once, in the catalog’s words', () => {
    expect(SNIPPET_MODULE_CARDS.map((card) => card.module).sort()).toEqual([...snippetModuleSchema.options].sort());
    for (const card of SNIPPET_MODULE_CARDS) {
      const spec = snippetCatalog[card.module];
      expect({ title: card.title, command: card.command }).toEqual({ title: spec.title, command: spec.command });
    }
  });

  it('show the same retirement banner as the comment line in the snippet', () => {
    for (const card of SNIPPET_MODULE_CARDS) {
      const spec = snippetCatalog[card.module];
      expect(card.retired).toEqual(spec.retired);
      if (card.retired) expect(retiredBanner(card.retired)).toBe(retirementNotice(spec.retired!));
    }
    expect(retiredBanner(SNIPPET_MODULE_CARDS.find((card) => card.module === 'exchange-legacy')!.retired!)).toBe(
      'Retired October 2023 — use Exchange Online (Connect-ExchangeOnline). Exchange Online remote PowerShell no longer works.',
    );
  });
});
