/** Starts SAM Desk in Electron where its binary exists, otherwise in the browser harness. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readEnvironment } from '../electron/core/config/environment';
import { startHarness } from '../test/harness/server';
import type { HandlerOptions } from '../electron/core/app/handlers';

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

export async function launch(variables: Record<string, string>, handlerOptions: HandlerOptions = {}): Promise<void> {
  const electron = electronBinary();
  if (electron) {
    const child = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, ...variables } });
    await new Promise((resolve) => child.on('exit', resolve));
    return;
  }
  const port = Number(process.env.SAMDESK_HARNESS_PORT ?? 5180);
  const harness = await startHarness({ environment: readEnvironment({ ...process.env, ...variables }), port, handlerOptions });
  process.stdout.write(
    [
      '',
      'The Electron binary is not installed here, so SAM Desk runs in the browser harness:',
      'the production renderer bundle with the real main-process code behind it.',
      '',
      `  Open ${harness.url}`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await harness.stop();
}
