import { useEffect, useState } from 'react';
import { useAppToast } from './AppToaster';

/**
 * Copies text that holds nothing secret (a tenant id, an admin-consent link) from the page itself;
 * `copied` is true for two seconds after, and a refusal says how to copy it by hand.
 */
export function useCopyText(text: string, what: string): { copied: boolean; copy: () => Promise<void> } {
  const [copied, setCopied] = useState(false);
  const toast = useAppToast();

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      toast({ intent: 'error', title: `Couldn't copy the ${what}. Select it and copy it by hand.` });
    }
  };
  return { copied, copy };
}
