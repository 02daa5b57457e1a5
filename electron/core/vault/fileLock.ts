import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

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
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });

  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(token);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath, staleMs, isAlive)) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() - startedAt > timeoutMs) throw new LockTimeoutError(describe(lockPath));
    await new Promise((resolve) => setTimeout(resolve, retryMs + Math.random() * retryMs));
  }

  try {
    return await work();
  } finally {
    const holder = await readFile(lockPath, 'utf8').catch(() => undefined);
    if (holder === token) await unlink(lockPath).catch(() => undefined);
  }
}

async function isStale(lockPath: string, staleMs: number, isAlive: (pid: number) => boolean): Promise<boolean> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number(content.split(' ')[0]);
    if (Date.now() - info.mtimeMs > staleMs) return true;
    // An empty file is a lock being written this instant: not stale.
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  } catch {
    return false; // gone already: the next attempt takes it
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
