import { Toaster, useAnnounce } from '@fluentui/react-components';
import { useCallback } from 'react';
import { TOASTER_ID } from '../toaster';

/**
 * The app's one Toaster. Toasts are announced through the provider's announcer (ariaNotify in
 * Electron's Chromium) instead of Fluent's default hidden live region, so a toast's text exists
 * once in the page rather than twice. Needs an AriaLiveAnnouncer above it.
 */
export function AppToaster() {
  const { announce } = useAnnounce();
  const announceToast = useCallback(
    (message: string, options: { politeness?: 'polite' | 'assertive' }) =>
      announce(message, { polite: options.politeness !== 'assertive', alert: options.politeness === 'assertive' }),
    [announce],
  );
  return (
    <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur announce={announceToast} />
  );
}
