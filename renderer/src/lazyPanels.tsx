import { type ReactNode, Suspense, lazy, useState } from 'react';

/*
 * What is not on the first screen, each in a chunk of its own: the window parses only what it
 * paints first (the customer list and the selected customer), and a dialog's code loads when it
 * is first opened (from disk, in Electron: a few milliseconds).
 */
export const ConnectScreen = lazy(() => import('./screens/ConnectScreen').then((module) => ({ default: module.ConnectScreen })));
export const AccessCheckDialog = lazy(() => import('./components/accessCheck/AccessCheckDialog').then((module) => ({ default: module.AccessCheckDialog })));
export const SettingsDialog = lazy(() => import('./components/settings/SettingsDialog').then((module) => ({ default: module.SettingsDialog })));
export const ProfilesPanel = lazy(() => import('./components/profiles/ProfilesPanel').then((module) => ({ default: module.ProfilesPanel })));
export const KeyVaultPanel = lazy(() => import('./components/keyVault/KeyVaultPanel').then((module) => ({ default: module.KeyVaultPanel })));

/**
 * A lazily loaded dialog or panel, mounted from the first time it is opened on (and kept, so that
 * it closes with its own animation and opens again at once).
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
