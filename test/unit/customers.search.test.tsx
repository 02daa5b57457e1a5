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

  it('answers a query it answered before (a letter deleted) with the same list, so nothing below it renders again', () => {
    const typing = createCustomerSearch(customers, keys);
    const bak = typing('bak');
    typing('bake');
    expect(typing('bak')).toBe(bak);
    // The same words, typed with other spaces or case, are the same query.
    expect(typing(' BAK ')).toBe(bak);
  });

  it('forgets its oldest answers, and still answers them right when asked again', () => {
    const typing = createCustomerSearch(customers, keys);
    const first = typing('b');
    for (let letter = 0; letter < 40; letter++) typing(`q${String.fromCharCode(97 + (letter % 26))}${letter}`);
    const again = typing('b');
    expect(again).not.toBe(first);
    expect(names(again)).toEqual(names(first));
  });

  it('gives the whole list for an empty query, as it is', () => {
    expect(createCustomerSearch(customers, keys)('   ')).toBe(customers);
  });
});

describe('text pasted from Outlook or Word finds the plain spelling, and back', () => {
  const pasted = [
    customer('O\u2019Brien Plumbing', 'obrien.example.com'),
    customer("D'Arcy & Sons", 'darcy.example.com'),
    customer('Smith\u2013Jones Partners', 'smithjones.example.com'),
    customer('Müller-Lüdenscheidt AG', 'mueller-l.example.com'),
    customer('\u201cThe Oak\u201d Café', 'oak.example.com'),
    customer('Nord\u00a0Est Services', 'nordest.example.com'),
  ];
  const search = (query: string) => createCustomerSearch(pasted, pasted.map(searchKeyOf))(query).map((found) => found.name);

  it.each([
    ["O'Brien", 'O\u2019Brien Plumbing'],
    ['O\u2019Brien', 'O\u2019Brien Plumbing'],
    ['O\u02bcBrien', 'O\u2019Brien Plumbing'],
    ['D\u2019Arcy', "D'Arcy & Sons"],
    ['D\u2032Arcy', "D'Arcy & Sons"],
  ])('a typographic apostrophe or prime: %s finds %s', (query, name) => {
    expect(search(query)).toEqual([name]);
  });

  it.each([
    ['Smith-Jones', 'Smith\u2013Jones Partners'],
    ['Smith\u2014Jones', 'Smith\u2013Jones Partners'],
    ['M\u00fcller\u2011L\u00fcd', 'Müller-Lüdenscheidt AG'],
    ['muller\u2212lud', 'Müller-Lüdenscheidt AG'],
  ])('an en dash, em dash, non-breaking hyphen or minus sign: %s finds %s', (query, name) => {
    expect(search(query)).toEqual([name]);
  });

  it('curly double quotes, and a no-break or narrow space, fold to their plain forms', () => {
    expect(search('"The Oak"')).toEqual(['\u201cThe Oak\u201d Café']);
    expect(search('\u201cthe oak\u201d cafe')).toEqual(['\u201cThe Oak\u201d Café']);
    expect(search('Nord Est')).toEqual(['Nord\u00a0Est Services']);
    expect(search('Nord\u202fEst')).toEqual(['Nord\u00a0Est Services']);
  });
});
