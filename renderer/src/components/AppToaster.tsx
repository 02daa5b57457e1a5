import { Button, makeStyles, Toast, ToastBody, ToastTitle, ToastTrigger, Toaster, useAnnounce, useToastController, type ToastIntent } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, type ReactNode } from 'react';
import { useSamDeskStore } from '../store';
import { PROFILES_PANEL_TOASTER_ID, TOAST_POSITION, TOASTER_ID, WIZARD_FOOTER_CLEARANCE_PX } from '../toaster';

/**
 * The app's one Toaster. Toasts are announced through the provider's announcer (ariaNotify in
 * Electron's Chromium) instead of Fluent's default hidden live region, so a toast's text exists
 * once in the page rather than twice. Needs an AriaLiveAnnouncer above it. Toasts sit at the
 * bottom-start, above the wizard's footer while the wizard shows, so none covers a primary action.
 */
export function AppToaster() {
  const announceToast = useAnnounceToast();
  const wizardShows = useSamDeskStore((state) => state.wizardOpen || !state.activeProfileId);
  return (
    <Toaster
      toasterId={TOASTER_ID}
      position={TOAST_POSITION}
      offset={wizardShows ? { vertical: WIZARD_FOOTER_CLEARANCE_PX } : undefined}
      limit={3}
      pauseOnHover
      pauseOnWindowBlur
      announce={announceToast}
    />
  );
}

/**
 * The refresh-token drawer's toaster, inside the drawer: the drawer is modal, so everything outside it
 * (the app's toaster included) is hidden from assistive technology and a toast's Close would be unreachable.
 */
export function ProfilesPanelToaster() {
  const announceToast = useAnnounceToast();
  const styles = usePanelToasterStyles();
  return (
    <Toaster
      toasterId={PROFILES_PANEL_TOASTER_ID}
      className={styles.above}
      inline
      position="bottom-end"
      limit={3}
      pauseOnHover
      pauseOnWindowBlur
      announce={announceToast}
    />
  );
}

// Above the drawer's scrolling body (which is positioned), or the toast shows but takes no click.
const usePanelToasterStyles = makeStyles({ above: { zIndex: 2 } });

function useAnnounceToast() {
  const { announce } = useAnnounce();
  return useCallback(
    (message: string, options: { politeness?: 'polite' | 'assertive' }) =>
      announce(message, { polite: options.politeness !== 'assertive', alert: options.politeness === 'assertive' }),
    [announce],
  );
}

export interface AppToastProps {
  title: ReactNode;
  body?: ReactNode;
}

/**
 * Every toast's one shape: a title, an optional line, and a close button (✕, named “Dismiss” like the
 * app's other message bars, so it is not confused with a drawer's Close): a toast never has to be waited out.
 */
export function AppToast({ title, body }: AppToastProps) {
  return (
    <Toast>
      <ToastTitle
        action={
          <ToastTrigger>
            <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label="Dismiss" title="Dismiss" />
          </ToastTrigger>
        }
      >
        {title}
      </ToastTitle>
      {body && <ToastBody>{body}</ToastBody>}
    </Toast>
  );
}

/** The toast now showing for each `replaces` key (a newer one about the same thing takes its place). */
const shownFor = new Map<string, string>();
let toastCount = 0;

/** Shows an AppToast (on the app's toaster unless told another); one with `replaces` takes the place of the last toast shown with that key. */
export function useAppToast(
  toasterId: string = TOASTER_ID,
): (toast: AppToastProps & { intent: ToastIntent; timeoutMs?: number; replaces?: string }) => void {
  const { dispatchToast, dismissToast } = useToastController(toasterId);
  return useCallback(
    ({ intent, timeoutMs = 8000, replaces, ...content }) => {
      const toastId = `samdesk-toast-${++toastCount}`;
      if (replaces) {
        const previous = shownFor.get(replaces);
        if (previous) dismissToast(previous);
        shownFor.set(replaces, toastId);
      }
      dispatchToast(<AppToast {...content} />, { intent, timeout: timeoutMs, toastId });
    },
    [dispatchToast, dismissToast],
  );
}
