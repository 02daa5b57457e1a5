import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { gdapStatuses, type CustomerList } from '../../ipc/contract';
import { VersionedJsonFile } from '../profiles/versionedFile';

/**
 * Version 2: every GDAP relationship with status, end and roles, and DAP as Partner Center said it
 * (or 'unknown'). A version-1 file (whose DAP came from the customer list, which never says) is
 * discarded; the next fetch writes version 2.
 */
export const CUSTOMER_CACHE_VERSION = 2;
const relationshipSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(gdapStatuses),
  endsAt: z.string().nullable(),
  autoExtends: z.boolean(),
  roleIds: z.array(z.string()),
});
const customerListSchema = z.object({
  fetchedAt: z.string(),
  customers: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      domain: z.string(),
      inPartnerCenter: z.boolean(),
      dap: z.enum(['unknown', 'yes', 'no']),
      dapCheckedAt: z.string().optional(),
      relationships: z.array(relationshipSchema),
    }),
  ),
});

/** What the file was when last read or written: another process writing it changes this. */
type FileStamp = string | undefined;

interface Held {
  list: CustomerList | undefined;
  file: FileStamp;
}

/**
 * The saved customer list per profile (`customers-<profile>.json`, names, ids, relationships and
 * DAP answers; never tokens), held in memory once read: a 10,000-customer list is parsed and
 * validated once, not on every call. A new list is written in the background, one write at a
 * time per profile, each taking the newest list (changes in a row make one write); the file is
 * written atomically, so a crash leaves the old list or the new one. The file stays the truth
 * between processes: one another process (the CLI) has rewritten is read again.
 */
export class CustomerListCache {
  private readonly held = new Map<string, Held>();
  private readonly reads = new Map<string, Promise<CustomerList | undefined>>();
  /** The write under way per profile; `dirty`: the list changed again since it started. */
  private readonly writes = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly lastWriteError = new Map<string, unknown>();
  /** Read-change-write steps, one at a time per profile (a DAP answer must not be lost to a refresh). */
  private readonly changes = new Map<string, Promise<unknown>>();

  constructor(private readonly home: string) {}

  /** The saved list, or undefined before the first fetch (or if it cannot be read). */
  async get(profileId: string): Promise<CustomerList | undefined> {
    const held = this.held.get(profileId);
    // While a write is due, memory is newer than the file.
    if (held && (this.writes.has(profileId) || held.file === (await this.stamp(profileId)))) return held.list;
    let read = this.reads.get(profileId);
    if (!read) {
      read = this.read(profileId).finally(() => this.reads.delete(profileId));
      this.reads.set(profileId, read);
    }
    return read;
  }

  /** Applies `change` to the saved list and keeps the result (written in the background). */
  change<T extends CustomerList | undefined>(profileId: string, change: (list: CustomerList | undefined) => T): Promise<T> {
    const next = (this.changes.get(profileId) ?? Promise.resolve()).then(async () => {
      const updated = change(await this.get(profileId));
      if (updated) this.keep(profileId, updated);
      return updated;
    });
    this.changes.set(profileId, next.catch(() => undefined));
    return next;
  }

  /** Resolves once everything kept so far is on disk; rejects if the last write failed. */
  async written(profileId: string): Promise<void> {
    await this.changes.get(profileId);
    while (this.writes.has(profileId)) await this.writes.get(profileId);
    if (this.lastWriteError.has(profileId)) throw this.lastWriteError.get(profileId);
  }

  private keep(profileId: string, list: CustomerList): void {
    const held = this.held.get(profileId);
    this.held.set(profileId, { list, file: held?.file });
    if (this.writes.has(profileId)) {
      this.dirty.add(profileId);
      return;
    }
    this.writes.set(profileId, this.writeNewest(profileId));
  }

  private async writeNewest(profileId: string): Promise<void> {
    do {
      this.dirty.delete(profileId);
      const held = this.held.get(profileId)!;
      try {
        await this.file(profileId).write(held.list);
        this.lastWriteError.delete(profileId);
        held.file = await this.stamp(profileId);
      } catch (error) {
        // The list stays in memory; the next change (or the next start's fetch) writes it again.
        this.lastWriteError.set(profileId, error);
      }
    } while (this.dirty.has(profileId));
    // In the same step as the last check: a list kept from now on starts a write of its own.
    this.writes.delete(profileId);
  }

  private async read(profileId: string): Promise<CustomerList | undefined> {
    const file = await this.stamp(profileId);
    const list = await this.file(profileId).read().catch(() => undefined);
    this.held.set(profileId, { list, file });
    return list;
  }

  private async stamp(profileId: string): Promise<FileStamp> {
    const found = await stat(this.path(profileId)).catch(() => undefined);
    return found && `${found.mtimeMs}:${found.size}:${found.ino}`;
  }

  private path(profileId: string): string {
    return join(this.home, `customers-${profileId}.json`);
  }

  private file(profileId: string): VersionedJsonFile<CustomerList | undefined> {
    return new VersionedJsonFile(this.path(profileId), CUSTOMER_CACHE_VERSION, customerListSchema, () => undefined, 'discard');
  }
}
