import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

const builtCli = join(__dirname, '../../out/main/cli.js');

/**
 * How to start `samdesk` in a child process: the packaged entry (bin/samdesk.js → out/main/cli.js)
 * when `npx electron-vite build` has run since the CLI's source last changed, else the source
 * through tsx, so a stale build never decides a test.
 */
export function cliCommand(): { args: string[]; built: boolean } {
  const source = join(__dirname, '../../electron/cli/samdesk.ts');
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSource(join(__dirname, '../../electron'))) {
    return { args: [join(__dirname, '../../bin/samdesk.js')], built: true };
  }
  return { args: ['--import', 'tsx', source], built: false };
}

/** Runs the CLI asynchronously (the simulator answers from this process) with extra environment. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...cliCommand().args, ...args], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function newestSource(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}
