/**
 * Loads the real electron/main/index.ts against a fresh Electron stand-in, the way Electron would
 * start it: the module runs (single-instance lock, scheme registration), then 'ready' fires.
 * Vitest substitutes the 'electron' module; nothing else of the app is replaced.
 */
import { join } from 'node:path';
import { vi } from 'vitest';
import { ElectronStandIn } from './standIn';

export interface LoadedMainProcess {
  electron: ElectronStandIn;
  /** Quits the app (as the tray's Quit does) and puts the process back as it was. */
  unload(): Promise<void>;
}

export async function loadMainProcess(options: {
  env: Record<string, string>;
  isPackaged?: boolean;
  /** false: another instance already holds the lock. */
  firstInstance?: boolean;
  /** Fire 'ready' after loading (default true). */
  ready?: boolean;
  argv?: string[];
}): Promise<LoadedMainProcess> {
  const electron = new ElectronStandIn();
  electron.app.isPackaged = options.isPackaged ?? false;
  electron.app.holdsSingleInstanceLock = options.firstInstance ?? true;

  const savedEnv = { ...process.env };
  const savedArgv = process.argv;
  // Electron's own addition to `process`: where a packaged app's extraResources are (build/ here).
  const withResources = process as NodeJS.Process & { resourcesPath?: string };
  const savedResourcesPath = withResources.resourcesPath;
  withResources.resourcesPath = join(process.cwd(), 'build');
  Object.assign(process.env, options.env);
  if (options.argv) process.argv = [...savedArgv, ...options.argv];
  // index.ts installs process-wide handlers; they are removed again on unload.
  const uncaughtBefore = process.listeners('uncaughtException');
  const rejectionBefore = process.listeners('unhandledRejection');

  vi.resetModules();
  vi.doMock('electron', () => electron.module());
  await import('../../../electron/main/index');
  if (options.ready ?? true) {
    electron.app.becomeReady();
    // Let whenReady()'s continuation run (it is synchronous after the await).
    await new Promise((resolve) => setImmediate(resolve));
  }

  return {
    electron,
    async unload() {
      electron.app.quit();
      await new Promise((resolve) => setImmediate(resolve));
      // The stand-in stays mocked: the next load mocks it afresh. Vitest resolves doMock and doUnmock
      // asynchronously, so an unmock here could land after the next load's doMock, under load,
      // and that load would import the real 'electron' package (which tries to download Electron).
      for (const listener of process.listeners('uncaughtException')) if (!uncaughtBefore.includes(listener)) process.off('uncaughtException', listener);
      for (const listener of process.listeners('unhandledRejection')) if (!rejectionBefore.includes(listener)) process.off('unhandledRejection', listener);
      process.env = savedEnv;
      process.argv = savedArgv;
      withResources.resourcesPath = savedResourcesPath;
    },
  };
}
