/** Whether an Electron version is still supported upstream, from the dated table in build/electron-support.json. */
export interface SupportTable {
  majors: Record<string, { stable: string; endOfSupport: string; estimated?: boolean }>;
}

export type SupportStatus =
  | { supported: true; major: number; endOfSupport: string; estimated: boolean }
  | { supported: false; major: number; reason: string };

export function electronSupport(version: string, table: SupportTable, today: Date): SupportStatus {
  const major = Number.parseInt(version, 10);
  const entry = table.majors[String(major)];
  if (!entry) return { supported: false, major, reason: `Electron ${major} is not in build/electron-support.json: add its stable and end-of-support dates.` };
  if (today.getTime() >= Date.parse(entry.endOfSupport)) {
    return { supported: false, major, reason: `Electron ${major} has been out of support since ${entry.endOfSupport}: upgrade to a supported major.` };
  }
  return { supported: true, major, endOfSupport: entry.endOfSupport, estimated: entry.estimated ?? false };
}
