import { describe, expect, it } from 'vitest';
import { snippetModuleSchema } from '../../electron/ipc/schemas';
import { retirementNotice } from '../../electron/shared/snippetCatalog';
import { copyButtonName, SNIPPET_MODULE_CARDS, snippetCard } from '../../renderer/src/snippetModules';

describe('the snippet cards the customer pane shows', () => {
  it('offer every module of the contract, once', () => {
    expect(SNIPPET_MODULE_CARDS.map((card) => card.module).sort()).toEqual([...snippetModuleSchema.options].sort());
  });

  it('name a retired form’s replacement in the banner', () => {
    expect(retirementNotice(snippetCard('exchange-legacy').retired!)).toBe(
      'Retired October 2023 — use Exchange Online (Connect-ExchangeOnline). Exchange Online remote PowerShell no longer works.',
    );
  });

  it('name each copy button after the cmdlet and the mode', () => {
    expect(copyButtonName(snippetCard('graph'), 'paste')).toBe('Copy Connect-MgGraph snippet');
    expect(copyButtonName(snippetCard('exchange-legacy'), 'script')).toBe('Copy New-PSSession script');
    expect(copyButtonName(snippetCard('az'), 'all-customers')).toBe('Copy Connect-AzAccount script for all customers');
  });
});
