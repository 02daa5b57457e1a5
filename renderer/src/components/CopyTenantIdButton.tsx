import { Button } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useCopyText } from './useCopyText';
import { AppTooltip } from './AppTooltip';

export function CopyTenantIdButton({ tenantId }: { tenantId: string }) {
  const { copied, copy } = useCopyText(tenantId, 'tenant id');
  return (
    <AppTooltip content={copied ? 'Copied' : 'Copy tenant id'} relationship="description" withArrow>
      <Button
        size="small"
        appearance="subtle"
        aria-label="Copy tenant id"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={() => void copy()}
      />
    </AppTooltip>
  );
}
