import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ensurePrivateFolder } from '../profiles/atomicFile';

export interface FileLockOptions {
  /** A lock older than this is taken to be left behind by a crashed process. */
  staleMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  retryMs?: number;
  /** Whether a process id is alive; injectable for tests. */
  isAlive?: (pid: number) => boolean;
}

/** Another SAM Desk process (the app, the CLI or a scheduled task) held the lock for too long. */
export class LockTimeoutError extends Error {
  constructor(what: string) {
    super(`Another SAM Desk process is still updating ${what}. Try again in a moment.`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * Runs `work` while holding `lockPath`, across processes: the app and the CLI may update the same
 * metadata at once. The lock file is created with O_EXCL ('wx'), holds "pid token", and is
 * removed afterwards only if it is still ours. A lock whose process is gone, or that is older
 * than `staleMs`, is broken. Metadata only: secrets never pass through here.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retryMs = options.retryMs ?? 20;
  const isAlive = options.isAlive ?? processIsAlive;
  const token = `${process.pid} ${randomBytes(8).toString('hex')}`;
  const startedAt = Date.now();
  await ensurePrivateFolder(dirname(lockPath));

  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(token);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stale = await staleContent(lockPath, staleMs, isAlive);
    if (stale !== undefined && (await breakStaleLock(lockPath, stale))) continue;
    if (Date.now() - startedAt > timeoutMs) throw new LockTimeoutError(describe(lockPath));
    await new Promise((resolve) => setTimeout(resolve, retryMs + Math.random() * retryMs));
  }

  try {
    return await work();
  } finally {
    // Only a breaker could have removed it meanwhile (it judged us stale); then it is not ours to remove.
    const holder = await readFile(lockPath, 'utf8').catch(() => undefined);
    if (holder === token) await unlink(lockPath).catch(() => undefined);
  }
}

/** The content of a lock left behind (its process gone, or too old), or undefined if it is live or gone. */
async function staleContent(lockPath: string, staleMs: number, isAlive: (pid: number) => boolean): Promise<string | undefined> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number(content.split(' ')[0]);
    if (Date.now() - info.mtimeMs > staleMs) return content;
    // An empty file is a lock being written this instant: not stale.
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid) ? content : undefined;
  } catch {
    return undefined; // gone already: the next attempt takes it
  }
}

/** A breaker that has held `.break` this long crashed while breaking: breaking takes milliseconds. */
const BREAKER_STALE_MS = 5_000;

/**
 * Removes a stale lock without the check-then-delete race (two processes judge the same lock
 * stale; the first removes it and takes a fresh one; the second then removes the fresh one and
 * takes its own: two holders). Breaking needs the `.break` lock, so one process breaks at a time,
 * and it removes the lock only if it still holds the stale content it judged: a stale lock can be
 * removed by no one else (its owner is gone), so nothing can have replaced it in between.
 */
async function breakStaleLock(lockPath: string, stale: string): Promise<boolean> {
  const breaker = `${lockPath}.break`;
  try {
    await (await open(breaker, 'wx', 0o600)).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > BREAKER_STALE_MS) await unlink(breaker).catch(() => undefined);
    return false; // another process is breaking it: wait and look again
  }
  try {
    if ((await readFile(lockPath, 'utf8').catch(() => undefined)) !== stale) return true;
    await unlink(lockPath).catch(() => undefined);
    return true;
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(lockPath: string): string {
  return lockPath.replace(/\.lock$/, '').split(/[\\/]/).pop() ?? 'its files';
}
