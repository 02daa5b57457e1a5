import { Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface AppDialogProps {
  open: boolean;
  /** Escape, a click outside, or the caller's own Cancel. */
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** The footer's buttons, in reading order. */
  actions: ReactNode;
  /** Makes the dialog a form: Enter or a type="submit" button submits it. */
  onSubmit?: () => void;
  surfaceClassName?: string;
  contentClassName?: string;
  /**
   * Whether a screen reader reads the whole content as the dialog's description (Fluent's default);
   * off for a dialog whose content is a long form or a table.
   */
  describedByContent?: boolean;
}

/** Every dialog of the window: a title, its content, and a row of buttons. */
export function AppDialog({ open, onClose, title, children, actions, onSubmit, surfaceClassName, contentClassName, describedByContent = true }: AppDialogProps) {
  const body = (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={contentClassName}>{children}</DialogContent>
      <DialogActions>{actions}</DialogActions>
    </DialogBody>
  );
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={surfaceClassName} {...(describedByContent ? {} : { 'aria-describedby': undefined })}>
        {onSubmit ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onSubmit();
            }}
          >
            {body}
          </form>
        ) : (
          body
        )}
      </DialogSurface>
    </Dialog>
  );
}
