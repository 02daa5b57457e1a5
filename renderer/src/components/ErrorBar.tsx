import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { FixAction, UserFacingError } from '../../../electron/ipc/errors';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  support: { color: tokens.colorNeutralForeground3, userSelect: 'text' },
});

/** The button each remedy gets, in the partner admin's words. */
export const fixLabels: Record<Exclude<FixAction, 'none'>, string> = {
  're-consent': 'Sign in again',
  renew: 'Try again',
  'grant-customer-consent': 'Grant customer consent',
  'repair-customer-consent': 'Repair customer consent',
  'check-app': 'Check the SAM app',
  'check-tenant': 'Check the tenant',
  'check-relationship': 'Open Partner Center',
  'system-browser': 'Sign in with my browser',
  retry: 'Try again',
  're-enter-secret': 'Re-enter the secret',
};

export interface ErrorBarProps {
  title: string;
  error: UserFacingError;
  /** Shown as a button, e.g. "Try again". */
  retryLabel?: string;
  onRetry?: () => void;
  /** Offers the error's remedy as a button; the caller decides what it does. */
  onFix?: (fix: FixAction) => void;
  onDismiss?: () => void;
}

/** A UserFacingError as a person reads it: message, what fixes it, a button for it, and ids for a support ticket. */
export function ErrorBar({ title, error, retryLabel = 'Try again', onRetry, onFix, onDismiss }: ErrorBarProps) {
  const styles = useStyles();
  const intent = error.kind === 'cancelled' ? 'warning' : 'error';
  const support = [error.code && `Code: ${error.code}`, error.correlationId && `Correlation id: ${error.correlationId}`]
    .filter(Boolean)
    .join(' · ');
  const fix = error.fix && error.fix !== 'none' && onFix ? error.fix : undefined;
  const showRetry = onRetry && fix !== 'retry' && fix !== 'renew';

  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        <span>{error.message}</span>
        {error.action && <span>{error.action}</span>}
        {support && <Caption1 className={styles.support}>{support}</Caption1>}
      </MessageBarBody>
      {(onRetry || onDismiss || fix) && (
        <MessageBarActions
          containerAction={
            onDismiss && (
              <Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={onDismiss} />
            )
          }
        >
          {fix && (
            <Button appearance="primary" onClick={() => onFix?.(fix)}>
              {fix === 'retry' || fix === 'renew' ? retryLabel : fixLabels[fix]}
            </Button>
          )}
          {showRetry && <Button onClick={onRetry}>{retryLabel}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
