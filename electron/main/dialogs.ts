import { dialog, type BrowserWindow } from 'electron';
import type { Confirmation } from '../core/app/confirmations';

/** main's own question for a change to a tenant: a native dialog the page cannot draw or answer. */
export async function confirmInDialog(parent: BrowserWindow | undefined, confirmation: Confirmation): Promise<boolean> {
  const options = {
    type: 'question' as const,
    title: confirmation.title,
    message: confirmation.message,
    detail: confirmation.detail,
    buttons: [confirmation.confirmLabel, 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0;
}
