import type { HandlerGroup } from './types';

export const settingsHandlers: HandlerGroup<'settings.get' | 'settings.set'> = ({ settings }, options) => ({
  'settings.get': () => settings.get(),
  'settings.set': async (change) => {
    const saved = await settings.set(change);
    // The app applies what needs the OS (start at login); the harness and tests pass nothing.
    options.onSettingsChanged?.(saved);
    return saved;
  },
});
