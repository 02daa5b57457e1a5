import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import type { SnippetMode, SnippetModule } from '../../../../electron/ipc/schemas';
import { formatTime } from '../../dateTime';
import { formatTimeLeft } from '../../../../electron/ipc/timeLeft';
import { useSamDeskStore } from '../../store';
import { TOASTER_ID } from '../../toaster';
import { ClipboardCountdown } from './ClipboardCountdown';

/** Shared by every row: which toast belongs to the snippet now on the clipboard. */
const lastCopyToast: { id?: string } = {};

/** Copies a module's snippet (main writes the clipboard) and says what was copied and when it clears. */
export function useCopySnippet(customerTenantId: string, module: SnippetModule, mode: SnippetMode): () => Promise<boolean> {
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  const copySnippet = useSamDeskStore((state) => state.copySnippet);
  return async () => {
    const copied = await copySnippet(customerTenantId, module, mode);
    if (!copied) return false;
    const expiresAt = copied.expiresAt ? new Date(copied.expiresAt) : undefined;
    const clearSeconds = copied.clear ? (Date.parse(copied.clear.clearsAt) - Date.now()) / 1000 : 0;
    // One copy toast at a time: the newest snippet is the one on the clipboard.
    if (lastCopyToast.id) dismissToast(lastCopyToast.id);
    lastCopyToast.id = `snippet-copied-${Date.now()}`;
    dispatchToast(
      <Toast>
        <ToastTitle>
          {expiresAt
            ? `Snippet copied — contains an access token valid until ${formatTime(expiresAt, { zone: true })} (${formatTimeLeft(expiresAt.getTime() - Date.now())})`
            : 'Script copied — no token inside'}
        </ToastTitle>
        {copied.clear && (
          <ToastBody>
            <ClipboardCountdown clear={copied.clear} />
          </ToastBody>
        )}
      </Toast>,
      { toastId: lastCopyToast.id, intent: 'success', timeout: copied.clear ? clearSeconds * 1000 + 4000 : 6000 },
    );
    return true;
  };
}
