import { describe, expect, it } from 'vitest';
import type { CustomerTenant } from '../../electron/ipc/customers';
import { createCustomerSearch, searchKeyOf } from '../../renderer/src/format';

const customer = (name: string, domain = ''): CustomerTenant => ({
  tenantId: `${String(name.length).padStart(8, '0')}-1111-4111-8111-${String(name.charCodeAt(0)).padStart(12, '0')}`,
  name,
  domain,
  inPartnerCenter: true,
  dap: 'unknown',
  relationships: [],
});

const customers = [
  customer('Müller Bäckerei GmbH', 'muellerbaeckerei.onmicrosoft.com'),
  customer('Bakery Nord AB'),
  customer('Nordwind Bakers'),
  customer('Sunrise Bakery'),
  customer('Øresund Logistik ApS'),
  customer("O'Brien & Sons"),
];
const keys = customers.map(searchKeyOf);
const names = (found: CustomerTenant[]) => found.map((c) => c.name);

describe('searching the customer list while typing', () => {
  it('narrows the last answer while the query grows, and answers exactly as a fresh search would, after deletions too', () => {
    const typing = createCustomerSearch(customers, keys);
    const fresh = (query: string) => createCustomerSearch(customers, keys)(query);
    // Typed letter by letter, a word added, then deleted back and retyped differently.
    for (const query of ['b', 'ba', 'bak', 'bake', 'baker', 'baker n', 'baker no', 'baker', 'bak', 'b', '', 'ore', 'oresund', 'o', "o'b", 'BÄCK', 'bäck  müller']) {
      expect(names(typing(query)), query).toEqual(names(fresh(query)));
    }
    expect(names(fresh('baker no'))).toEqual(['Bakery Nord AB', 'Nordwind Bakers']);
    expect(names(fresh('backerei muller'))).toEqual(['Müller Bäckerei GmbH']);
    expect(names(fresh('oresund'))).toEqual(['Øresund Logistik ApS']);
  });

  it('gives the whole list for an empty query, as it is', () => {
    expect(createCustomerSearch(customers, keys)('   ')).toBe(customers);
  });
});
