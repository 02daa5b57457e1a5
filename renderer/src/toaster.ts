/** The one Toaster the app renders (in App); components dispatch to it by this id. */
export const TOASTER_ID = 'samdesk-toaster';

/**
 * Where toasts sit: bottom-start, away from the primary actions on the right (Next in the wizard,
 * each snippet's Copy, the header's controls); in the wizard, lifted above its footer.
 */
export const TOAST_POSITION = 'bottom-start' as const;
/** The wizard's sticky footer (Back, Next) plus a margin: toasts never cover it. */
export const WIZARD_FOOTER_CLEARANCE_PX = 96;
