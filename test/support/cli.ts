import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess, type ProcessRun, type RunOptions } from './process';

const root = join(__dirname, '../..');
const builtCli = join(root, 'out/main/cli.js');

/**
 * How to start `samdesk` in a child process: the packaged entry (bin/samdesk.js → out/main/cli.js)
 * when `npx electron-vite build` has run since the CLI's source last changed, else the source
 * through tsx, so a stale build never decides a test.
 */
export function cliCommand(): { args: string[]; built: boolean } {
  const source = join(root, 'electron/cli/samdesk.ts');
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSource(join(root, 'electron'))) {
    return { args: [join(root, 'bin/samdesk.js')], built: true };
  }
  return { args: ['--import', 'tsx', source], built: false };
}

/** Runs the CLI asynchronously (the simulator answers from this process), bounded like every child. */
export function runCli(args: string[], env: Record<string, string | undefined>, options: Omit<RunOptions, 'env'> = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, [...cliCommand().args, ...args], { cwd: root, ...options, env });
}

/** Runs the packaged entry, `node bin/samdesk.js`, as a scheduler would (needs `npx electron-vite build`). */
export function runBuiltCli(args: string[], env: Record<string, string | undefined>, options: Omit<RunOptions, 'env'> = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, [join(root, 'bin/samdesk.js'), ...args], { cwd: root, ...options, env });
}

/** Runs a TypeScript file in its own Node process (through tsx). */
export function runTypeScript(file: string, env: Record<string, string | undefined> = {}, options: Omit<RunOptions, 'env'> = {}): Promise<ProcessRun> {
  return runProcess(process.execPath, ['--import', 'tsx', file], { cwd: root, ...options, env });
}

function newestSource(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}
