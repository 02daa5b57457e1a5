import { spawn } from 'node:child_process';

export interface ProcessRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Killed (with everything it started) after this long; the run then rejects. Default 45 s. */
  timeoutMs?: number;
}

/** Below Vitest's 60 s test timeout, so a hung child fails with its own output, not a bare timeout. */
const DEFAULT_CHILD_TIMEOUT_MS = 45_000;
/** After the child exits, how long a grandchild that inherited its pipes may keep them open. */
const PIPE_GRACE_MS = 2_000;

const running = new Set<number>();
// A test process that ends (or is killed by its runner's timeout) takes its children with it.
process.once('exit', () => {
  for (const pid of running) killGroup(pid);
});

/**
 * Runs a command in its own process group and collects its output. Every wait is bounded: after
 * `timeoutMs` the whole group is killed (tsx's esbuild service included, which would otherwise hold
 * the pipes open) and the run rejects with the command and what it printed so far.
 */
export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<ProcessRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHILD_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: process.platform !== 'win32', // its own process group, so it can be killed whole
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (child.pid !== undefined) running.add(child.pid);

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      if (child.pid !== undefined) {
        killGroup(child.pid);
        running.delete(child.pid);
      }
      outcome();
    };
    const timer = setTimeout(() => {
      const shown = `${command} ${args.join(' ')}`.slice(0, 200);
      finish(() => reject(new Error(`${shown} did not finish within ${timeoutMs / 1000} s and was killed.\nstdout: ${tail(stdout)}\nstderr: ${tail(stderr)}`)));
    }, timeoutMs);
    let grace: NodeJS.Timeout | undefined;
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (status) => {
      grace = setTimeout(() => finish(() => resolve({ status, stdout, stderr })), PIPE_GRACE_MS);
    });
    child.on('close', (status) => finish(() => resolve({ status, stdout, stderr })));
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function tail(text: string): string {
  return text.length > 2_000 ? `…${text.slice(-2_000)}` : text || '(nothing)';
}
