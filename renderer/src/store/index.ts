import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createAccessCheckSlice } from './accessCheckSlice';
import { createConsentSlice } from './consentSlice';
import { createCustomersSlice } from './customersSlice';
import { createProfilesSlice } from './profilesSlice';
import { createSnippetsSlice } from './snippetsSlice';
import type { SamDeskState } from './types';
import { createUiSlice } from './uiSlice';
import { createWizardSlice } from './wizardSlice';
import { createSettingsSlice } from './settingsSlice';
import { createKeyVaultSlice } from './keyVaultSlice';
import { createCustomerConsentSlice } from './customerConsentSlice';
import { createSamAppSlice } from './samAppSlice';

/** A store made of small slices; it never holds a secret. Tests may build their own. */
export const createSamDeskStore = () =>
  create<SamDeskState>()((...args) => ({
    ...createProfilesSlice(...args),
    ...createConsentSlice(...args),
    ...createCustomersSlice(...args),
    ...createAccessCheckSlice(...args),
    ...createSnippetsSlice(...args),
    ...createUiSlice(...args),
    ...createWizardSlice(...args),
    ...createSettingsSlice(...args),
    ...createKeyVaultSlice(...args),
    ...createCustomerConsentSlice(...args),
    ...createSamAppSlice(...args),
  }));

/** The renderer's one store. */
export const useSamDeskStore = createSamDeskStore();

/**
 * The named fields of the store, by their store names; the component re-renders only when one of
 * them changes (zustand's useShallow over the picked object).
 */
export function useStoreFields<K extends keyof SamDeskState>(keys: readonly K[]): Pick<SamDeskState, K> {
  return useSamDeskStore(useShallow((state) => pick(state, keys)));
}

function pick<K extends keyof SamDeskState>(state: SamDeskState, keys: readonly K[]): Pick<SamDeskState, K> {
  const picked = {} as Pick<SamDeskState, K>;
  for (const key of keys) picked[key] = state[key];
  return picked;
}

const initialState = useSamDeskStore.getState();

/** Back to the state at start-up (actions included); tests call it between cases. */
export function resetStore(): void {
  useSamDeskStore.getState().clearCustomers();
  useSamDeskStore.setState(initialState, true);
}

export type { SamDeskState } from './types';
export { snippetKey, snippetModeOf } from './snippetsSlice';
export type { SnippetState } from './snippetsSlice';
export type { ConsentInput } from './consentSlice';
