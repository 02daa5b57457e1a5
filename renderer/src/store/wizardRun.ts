import { shownError } from '../api';
import type { SamDeskState } from './types';
import type { WizardBusy } from './wizardSlice';

type Set = (partial: Partial<SamDeskState>) => void;

/**
 * Runs the wizard's calls: marks the wizard busy and keeps a call's plain-language error. Only the
 * latest call speaks for the wizard: one that `supersede()` left behind (a device-code wait the admin
 * skipped past) ends without touching what is on screen now.
 */
export function wizardRunner(set: Set): WizardRunner {
  const known = runners.get(set);
  if (known) return known;
  let latest = 0;
  const runner: WizardRunner = {
    async run<T>(busy: WizardBusy, work: () => Promise<T>, fallback: string): Promise<T | undefined> {
      const mine = ++latest;
      set({ wizardBusy: busy, wizardError: null });
      try {
        return await work();
      } catch (reason) {
        if (mine === latest) set({ wizardError: shownError(reason, fallback) });
        return undefined;
      } finally {
        if (mine === latest) set({ wizardBusy: null });
      }
    },
    /** The call under way no longer speaks for the wizard. */
    supersede(): void {
      latest++;
    },
  };
  runners.set(set, runner);
  return runner;
}

export interface WizardRunner {
  run<T>(busy: WizardBusy, work: () => Promise<T>, fallback: string): Promise<T | undefined>;
  supersede(): void;
}

/** One runner per store (the slices of a store share its `set`), so every wizard call counts in one sequence. */
const runners = new WeakMap<Set, WizardRunner>();
