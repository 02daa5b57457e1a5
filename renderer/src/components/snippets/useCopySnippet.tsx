import type { SnippetMode, SnippetModule } from '../../../../electron/ipc/schemas';
import { formatTime } from '../../../../electron/ipc/dateTime';
import { formatTimeLeft } from '../../../../electron/ipc/timeLeft';
import { useSamDeskStore } from '../../store';
import { useAppToast } from '../AppToaster';
import { ClipboardCountdown } from './ClipboardCountdown';

/** Copies a module's snippet (main writes the clipboard) and says what was copied and when it clears. */
export function useCopySnippet(customerTenantId: string, module: SnippetModule, mode: SnippetMode): () => Promise<boolean> {
  const toast = useAppToast();
  const copySnippet = useSamDeskStore((state) => state.copySnippet);
  return async () => {
    const copied = await copySnippet(customerTenantId, module, mode);
    if (!copied) return false;
    const expiresAt = copied.expiresAt ? new Date(copied.expiresAt) : undefined;
    const clearSeconds = copied.clear ? (Date.parse(copied.clear.clearsAt) - Date.now()) / 1000 : 0;
    // One copy toast at a time: the newest snippet is the one on the clipboard.
    toast({
      replaces: 'snippet-copy',
      intent: 'success',
      timeoutMs: copied.clear ? clearSeconds * 1000 + 4000 : 6000,
      title: expiresAt
        ? `Snippet copied — contains an access token valid until ${formatTime(expiresAt, { zone: true })} (${formatTimeLeft(expiresAt.getTime() - Date.now())})`
        : 'Script copied — no token inside',
      body: copied.clear && <ClipboardCountdown clear={copied.clear} />,
    });
    return true;
  };
}
