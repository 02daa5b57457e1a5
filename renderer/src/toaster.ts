/** The one Toaster the app renders (in App); components dispatch to it by this id. */
export const TOASTER_ID = 'samdesk-toaster';

/**
 * Where toasts sit: bottom-start, away from the primary actions on the right (Next in the wizard,
 * each snippet's Copy, the header's controls); in the wizard, lifted above its footer.
 */
export const TOAST_POSITION = 'bottom-start' as const;
/**
 * The wizard's footer (Back, Next: 60 px) at the window's bottom, under the card's and the screen's
 * padding (24 px each), plus a margin: toasts sit above it and never cover it.
 */
export const WIZARD_FOOTER_CLEARANCE_PX = 124;

/** The refresh-token drawer's own toaster: a modal drawer hides the app's toaster from assistive technology. */
export const PROFILES_PANEL_TOASTER_ID = 'samdesk-profiles-panel-toaster';
