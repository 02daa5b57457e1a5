import type { StateCreator } from 'zustand';
import type { ProfilesSlice } from './profilesSlice';
import type { ConsentSlice } from './consentSlice';
import type { CustomersSlice } from './customersSlice';
import type { SnippetsSlice } from './snippetsSlice';
import type { UiSlice } from './uiSlice';

export type SamDeskState = ProfilesSlice & ConsentSlice & CustomersSlice & SnippetsSlice & UiSlice;

/** A slice sees the whole store but only defines its own part. */
export type SliceCreator<Slice> = StateCreator<SamDeskState, [], [], Slice>;
