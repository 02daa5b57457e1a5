import { Badge } from '@fluentui/react-components';
import { CheckmarkCircle12Filled, DismissCircle12Filled, QuestionCircle12Regular } from '@fluentui/react-icons';
import type { ReadinessVerdict } from '../../../../electron/ipc/readiness';

/** "Ready", "Not ready", "Not checked yet" or "Unknown": colour, icon and words, never colour alone. */
export function readinessLabel(verdict: ReadinessVerdict): string {
  if (verdict.readiness === 'ready') return 'Ready';
  if (verdict.readiness === 'not-ready') return 'Not ready';
  return verdict.rule === 'not-checked' ? 'Not checked yet' : 'Unknown';
}

export function ReadinessBadge({ verdict, size = 'medium' }: { verdict: ReadinessVerdict; size?: 'small' | 'medium' }) {
  const look =
    verdict.readiness === 'ready'
      ? { color: 'success' as const, icon: <CheckmarkCircle12Filled /> }
      : verdict.readiness === 'not-ready'
        ? { color: 'danger' as const, icon: <DismissCircle12Filled /> }
        : { color: 'informative' as const, icon: <QuestionCircle12Regular /> };
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} size={size}>
      {readinessLabel(verdict)}
    </Badge>
  );
}
