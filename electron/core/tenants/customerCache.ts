import { stat } from 'node:fs/promises';
import { profileFiles } from '../profiles/profileFiles';
import { z } from 'zod';
import { savedCustomerListSchema, type CustomerList } from '../../ipc/customers';
import { VersionedJsonFile } from '../profiles/versionedFile';

/**
 * Version 2: every GDAP relationship with status, end and roles, and DAP as Partner Center said it
 * (or 'unknown'). A version-1 file (whose DAP came from the customer list, which never says) is
 * discarded; the next fetch writes version 2.
 */
export const CUSTOMER_CACHE_VERSION = 2;
/**
 * The saved list's first customers in a file of their own (`customers-<profile>.first.json`), so
 * that the window's first screen shows without parsing 10,000 customers. It names the list file it
 * was cut from (its stamp): one that does not match the list file beside it is not used.
 */
const FIRST_SCREEN_VERSION = 1;
const SAVED_FIRST_SCREEN = 100;
const firstScreenSchema = z.object({
  listFile: z.string(),
  total: z.number().int().min(0),
  fetchedAt: z.string(),
  customers: savedCustomerListSchema.shape.customers,
});
type FirstScreen = z.infer<typeof firstScreenSchema>;

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

  /**
   * The saved list's first `count` customers and how many it holds, without reading the whole list
   * when it is not in memory yet (the whole list is read next, in the background). Undefined when
   * there is no saved list, or its first screen is not saved beside it.
   */
  async firstScreen(profileId: string, count: number): Promise<{ list: CustomerList; total: number } | undefined> {
    const held = this.held.get(profileId);
    if (held?.list && (this.writes.has(profileId) || held.file === (await this.stamp(profileId)))) {
      return { list: { ...held.list, customers: held.list.customers.slice(0, count) }, total: held.list.customers.length };
    }
    const [listFile, saved] = await Promise.all([this.stamp(profileId), this.firstScreenFile(profileId).read().catch(() => undefined)]);
    // After this answer is on its way: the whole list, for the window's next question.
    setTimeout(() => void this.get(profileId), 0);
    if (!saved || listFile === undefined || saved.listFile !== listFile || (count > saved.customers.length && saved.total > saved.customers.length)) return undefined;
    return { list: { fetchedAt: saved.fetchedAt, customers: saved.customers.slice(0, count) }, total: saved.total };
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
        held.file = await this.stamp(profileId);
        if (held.list && held.file) {
          const { customers, fetchedAt } = held.list;
          await this.firstScreenFile(profileId).write({ listFile: held.file, total: customers.length, fetchedAt, customers: customers.slice(0, SAVED_FIRST_SCREEN) });
        }
        this.lastWriteError.delete(profileId);
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
    return profileFiles(this.home, profileId).customers;
  }

  private firstScreenFile(profileId: string): VersionedJsonFile<FirstScreen | undefined> {
    return new VersionedJsonFile(profileFiles(this.home, profileId).customersFirstScreen, FIRST_SCREEN_VERSION, firstScreenSchema, () => undefined, 'discard');
  }

  private file(profileId: string): VersionedJsonFile<CustomerList | undefined> {
    return new VersionedJsonFile(this.path(profileId), CUSTOMER_CACHE_VERSION, savedCustomerListSchema, () => undefined, 'discard');
  }
}
