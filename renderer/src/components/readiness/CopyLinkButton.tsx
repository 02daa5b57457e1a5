import { Button, Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { CheckmarkRegular, LinkRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { TOASTER_ID } from '../../toaster';

/** Copies a link that holds nothing secret (an admin-consent URL) for the partner admin to send on. */
export function CopyLinkButton({ url, label = 'Copy link' }: { url: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const { dispatchToast } = useToastController(TOASTER_ID);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      dispatchToast(
        <Toast>
          <ToastTitle>Couldn't copy the link. Select it and copy it by hand.</ToastTitle>
        </Toast>,
        { intent: 'error' },
      );
    }
  };

  return (
    <Button size="small" icon={copied ? <CheckmarkRegular /> : <LinkRegular />} onClick={() => void onCopy()}>
      {copied ? 'Copied' : label}
    </Button>
  );
}
