import { Button, Tooltip, useToastController, Toast, ToastTitle } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { TOASTER_ID } from '../toaster';

export function CopyTenantIdButton({ tenantId }: { tenantId: string }) {
  const [copied, setCopied] = useState(false);
  const { dispatchToast } = useToastController(TOASTER_ID);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(tenantId);
      setCopied(true);
    } catch {
      dispatchToast(
        <Toast>
          <ToastTitle>Couldn't copy the tenant id. Select it and copy it by hand.</ToastTitle>
        </Toast>,
        { intent: 'error' },
      );
    }
  };

  return (
    <Tooltip content={copied ? 'Copied' : 'Copy tenant id'} relationship="description" withArrow>
      <Button
        size="small"
        appearance="subtle"
        aria-label="Copy tenant id"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={() => void onCopy()}
      />
    </Tooltip>
  );
}
