/** Starts SAM Desk in Electron where its binary exists, otherwise in the browser harness. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readEnvironment } from '../electron/core/config/environment';
import { startHarness } from '../test/harness/server';
import type { HandlerOptions } from '../electron/core/app/handlers';

export function electronBinary(): string | undefined {
  try {
    const path = createRequire(__filename)('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
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
