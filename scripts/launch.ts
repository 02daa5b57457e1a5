/** Starts SAM Desk in Electron where its binary exists, otherwise in the browser harness. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readEnvironment } from '../electron/core/config/environment';
import { startHarness } from '../test/harness/server';
import type { HandlerOptions } from '../electron/core/app/handlers/types';

/**
 * The Electron binary, if it has been downloaded. Since Electron 42, `require('electron')` downloads
 * the binary from GitHub when it is missing (node_modules/electron/index.js), which must never
 * happen behind a test's back; so this reads what that download leaves (path.txt, dist/) instead.
 */
export function electronBinary(): string | undefined {
  try {
    const packageDir = dirname(createRequire(__filename).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
    const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export interface RunningApp {
  /** Where to open SAM Desk: the harness's URL, or undefined when Electron shows its own window. */
  url?: string;
  /** Resolves when the app has ended (Electron quit, or Ctrl+C for the harness). */
  ended: Promise<void>;
}

/** Starts SAM Desk: Electron where its binary exists, otherwise the browser harness on SAMDESK_HARNESS_PORT (5180). */
export async function startApp(variables: Record<string, string>, handlerOptions: HandlerOptions = {}): Promise<RunningApp> {
  const electron = electronBinary();
  if (electron) {
    const child = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, ...variables } });
    return { ended: new Promise((resolve) => child.on('exit', () => resolve())) };
  }
  const port = Number(process.env.SAMDESK_HARNESS_PORT ?? 5180);
  const harness = await startHarness({ environment: readEnvironment({ ...process.env, ...variables }), port, handlerOptions });
  const ended = new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve)).then(() => harness.stop());
  return { url: harness.url, ended };
}

/** `npm start`: says which way SAM Desk runs, then waits for it to end. */
export async function launch(variables: Record<string, string>): Promise<void> {
  const app = await startApp(variables);
  if (app.url) {
    process.stdout.write(
      [
        '',
        'The Electron binary is not downloaded here, so SAM Desk runs in the browser harness:',
        'the production renderer bundle with the real main-process code behind it.',
        '',
        `  Open ${app.url}`,
        '',
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
  await app.ended;
}
