/** What every failed call rejects with, after crossing the IPC boundary. */


/** What every failed call rejects with, after crossing the IPC boundary. */
export interface UserFacingError {
  /** A stable kind the UI can branch on. */
  kind: 'invalid-input' | 'microsoft' | 'network' | 'keychain' | 'cancelled' | 'not-found' | 'internal';
  /** One or two plain sentences for a person. */
  message: string;
  /** What fixes it, in words, when we know. */
  action?: string;
  /** AADSTS code and correlation id, for a support ticket. */
  code?: string;
  correlationId?: string;
  /** Which button fixes it (re-consent, grant customer consent, fix the app, retry…). */
  fix?: FixAction;
}

/** The remedies the UI offers as buttons for an error. */
export type FixAction =
  | 're-consent'
  | 'renew'
  | 'grant-customer-consent'
  | 'repair-customer-consent'
  | 'check-app'
  | 'check-tenant'
  | 'check-relationship'
  | 'system-browser'
  | 'retry'
  /** The client secret was refused (wrong or expired): back to the app step, the secret field empty. */
  | 're-enter-secret'
  | 'none';
