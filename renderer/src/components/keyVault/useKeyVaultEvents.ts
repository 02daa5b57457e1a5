import { useEffect } from 'react';
import { samdesk } from '../../api';
import { useSamDeskStore } from '../../store';

/** Main's pushes: a vault copy changed state in the background (a rotation pushed, a newer token adopted). */
export function useKeyVaultEvents(): void {
  useEffect(() => {
    const api = samdesk();
    void useSamDeskStore.getState().loadPublications();
    const offVault = api.on('keyVault.changed', () => void useSamDeskStore.getState().loadPublications());
    return () => offVault();
  }, []);
}
