import { useEffect } from 'react';
import { samdesk } from '../../api';
import { useSamDeskStore } from '../../store';

/** Main's pushes: a clicked notification opens the panel on its profile; background renewals refresh the countdowns. */
export function useLifetimeEvents(): void {
  useEffect(() => {
    const api = samdesk();
    const offFocus = api.on('profiles.focus', ({ profileId }) => {
      void useSamDeskStore.getState().refreshProfiles();
      useSamDeskStore.getState().openProfilesPanel(profileId);
    });
    const offChanged = api.on('profiles.changed', () => void useSamDeskStore.getState().refreshProfiles());
    void useSamDeskStore.getState().loadSettings();
    return () => {
      offFocus();
      offChanged();
    };
  }, []);
}
