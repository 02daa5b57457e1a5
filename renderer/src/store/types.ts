import type { StateCreator } from 'zustand';
import type { ProfilesSlice } from './profilesSlice';
import type { ConsentSlice } from './consentSlice';
import type { CustomersSlice } from './customersSlice';
import type { AccessCheckSlice } from './accessCheckSlice';
import type { SnippetsSlice } from './snippetsSlice';
import type { UiSlice } from './uiSlice';
import type { WizardSlice } from './wizardSlice';
import type { SettingsSlice } from './settingsSlice';
import type { KeyVaultSlice } from './keyVaultSlice';
import type { CustomerConsentSlice } from './customerConsentSlice';
import type { SamAppSlice } from './samAppSlice';

export type SamDeskState = ProfilesSlice & ConsentSlice & CustomersSlice & AccessCheckSlice & SnippetsSlice & UiSlice & WizardSlice & SettingsSlice & KeyVaultSlice & CustomerConsentSlice & SamAppSlice;

/** A slice sees the whole store but only defines its own part. */
export type SliceCreator<Slice> = StateCreator<SamDeskState, [], [], Slice>;
