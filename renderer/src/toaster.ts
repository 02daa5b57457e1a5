/** The one Toaster the app renders (in App); components dispatch to it by this id. */
export const TOASTER_ID = 'samdesk-toaster';
