/** The `--customers FILE.json` format: validated, with role display names resolved to role template ids. */
import { entraRoleId } from './entraRoles';
import type { CustomerSeed } from './seed';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customers-file row as written: roles by display name. */
type CustomerRow = Omit<CustomerSeed, 'gdapRoles'> & { gdapRoles?: unknown };

/**
 * `[{id, name, domain, relationship, gdapRoles?, consented?, azureSubscriptions?}]`: the optional fields
 * override the per-index profile (README "Seeded data"); `gdapRoles` are Entra role display names.
 */
export function parseCustomersFile(text: string): CustomerSeed[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`customers file is not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new Error('customers file must be a JSON array of {id, name, domain, relationship}');
  const ids = new Set<string>();
  parsed.forEach((row: Partial<CustomerRow>, i) => {
    const where = `customers[${i}]`;
    if (typeof row !== 'object' || row === null) throw new Error(`${where} is not an object`);
    if (typeof row.id !== 'string' || !GUID.test(row.id)) throw new Error(`${where}.id must be a GUID`);
    if (ids.has(row.id.toLowerCase())) throw new Error(`${where}.id is a duplicate`);
    ids.add(row.id.toLowerCase());
    if (typeof row.name !== 'string' || !row.name.trim()) throw new Error(`${where}.name must be a non-empty string`);
    if (typeof row.domain !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(row.domain)) throw new Error(`${where}.domain must be a domain name`);
    if (row.relationship !== 'DAP' && row.relationship !== 'GDAP') throw new Error(`${where}.relationship must be "DAP" or "GDAP"`);
    if (row.consented !== undefined && typeof row.consented !== 'boolean') throw new Error(`${where}.consented must be true or false`);
    if (row.azureSubscriptions !== undefined && !(Number.isInteger(row.azureSubscriptions) && row.azureSubscriptions >= 0 && row.azureSubscriptions <= 50)) {
      throw new Error(`${where}.azureSubscriptions must be a whole number from 0 to 50`);
    }
  });
  return (parsed as CustomerRow[]).map((row, i) => ({ ...row, gdapRoles: roleIds(row.gdapRoles, `customers[${i}].gdapRoles`) }));
}

function roleIds(names: unknown, where: string): string[] | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) throw new Error(`${where} must be an array of Entra role names, e.g. ["Exchange Administrator"]`);
  return [
    ...new Set(
      (names as string[]).map((name) => {
        const id = entraRoleId(name);
        if (!id) throw new Error(`${where}: "${name}" is not an Entra built-in role name (e.g. "Exchange Administrator", "Global Reader")`);
        return id;
      }),
    ),
  ];
}
