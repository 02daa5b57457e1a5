import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/process';

/** Running, not merely a zombie waiting for a container's init to reap it. */
const alive = (pid: number) => {
  if (existsSync('/proc')) {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a child process in a test is always bounded', () => {
  it('is killed with everything it started when it runs past its limit, and the run says so', async () => {
    // A shell that starts a grandchild holding the output pipe, then waits forever, like a CLI stuck on a keyring.
    const error = await runProcess('sh', ['-c', 'sleep 300 & echo "grandchild $!"; echo waiting; wait'], { timeoutMs: 500 }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^sh -c .* did not finish within 0\.5 s and was killed\.\nstdout: grandchild \d+\nwaiting/);
    const grandchild = Number(/grandchild (\d+)/.exec((error as Error).message)?.[1]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('answers when the child exits even though a grandchild still holds its pipes', async () => {
    const run = await runProcess('sh', ['-c', 'sleep 300 & echo done; exit 3'], { timeoutMs: 20_000 });
    expect(run).toEqual({ status: 3, stdout: 'done\n', stderr: '' });
  });
});
