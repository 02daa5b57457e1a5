/** Fictional company names for customer tenants. None is a real organisation's tenant. */

/** Hand-picked names that exercise non-ASCII text and apostrophes; always seeded first. */
export const SPECIAL_CUSTOMERS: ReadonlyArray<{ name: string; slug: string }> = (
  [
    // [name, slug]: each carries its onmicrosoft.com label, which slugOf() would not spell as a person would.
    ['Müller Bäckerei GmbH', 'muellerbaeckerei'],
    ['Société Générale de Café', 'societegeneraledecafe'],
    ['Øresund Logistik ApS', 'oresundlogistik'],
    ['株式会社サクラ商事', 'sakurashoji'],
    ['Ελληνική Ναυτιλία', 'ellinikinaftilia'],
    ["O'Brien & Sons", 'obrienandsons'],
    ['Łódź Precyzja Sp. z o.o.', 'lodzprecyzja'],
    ['Åkerlund & Rausing Trä AB', 'akerlundrausing'],
  ] as const
).map(([name, slug]) => ({ name, slug }));

const PREFIXES = [
  'Alder', 'Bluefin', 'Cedar', 'Driftwood', 'Emberly', 'Fjord', 'Granite', 'Harbor', 'Ironleaf',
  'Juniper', 'Kestrel', 'Lantern', 'Meadow', 'Northwind', 'Oakridge', 'Pinecrest', 'Quarry',
  'Riverstone', 'Saltmarsh', 'Tidewater', 'Upland', 'Vantage', 'Willow', 'Yarrow', 'Zephyr',
  'Brückner', 'Côté', 'Dvořák', 'Fernández', 'Håkansson', 'Jørgensen', 'Kowalczyk', 'Lefèvre',
  'Novák', 'Ólafsson', 'Peña', 'Schäfer', "D'Angelo", "O'Connell", "McAllister", 'São Bento',
];

const TRADES = [
  'Bakery', 'Brewing', 'Builders', 'Consulting', 'Dental Care', 'Engineering', 'Farms',
  'Freight', 'Furniture', 'Health', 'Insurance', 'Joinery', 'Legal', 'Logistics', 'Marine',
  'Media', 'Optics', 'Pharmacy', 'Plumbing', 'Printing', 'Realty', 'Robotics', 'Solar',
  'Textiles', 'Travel', 'Veterinary', 'Vineyards', 'Accounting', 'Architects', 'Clinics',
];

const SUFFIXES = ['Ltd', 'LLC', 'Inc.', 'GmbH', 'S.A.', 'B.V.', 'AB', 'Oy', 'S.r.l.', 'Pty Ltd', 'A/S', 'Co.'];

export function generatedName(pick: <T>(items: readonly T[]) => T): string {
  return `${pick(PREFIXES)} ${pick(TRADES)} ${pick(SUFFIXES)}`;
}

/** ASCII-only, alphanumeric slug for `<slug>.onmicrosoft.com` (Microsoft allows letters and digits). */
export function slugOf(name: string): string {
  const folded = name
    .replace(/ß/g, 'ss').replace(/[Øø]/g, 'o').replace(/[Łł]/g, 'l').replace(/[Ææ]/g, 'ae')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
  return folded.slice(0, 24);
}
