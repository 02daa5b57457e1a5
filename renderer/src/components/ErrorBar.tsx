import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { UserFacingError } from '../../../electron/ipc/contract';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  support: { color: tokens.colorNeutralForeground3, userSelect: 'text' },
});

export interface ErrorBarProps {
  title: string;
  error: UserFacingError;
  /** Shown as a button, e.g. "Try again". */
  retryLabel?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** A UserFacingError as a person reads it: message, what fixes it, and ids for a support ticket. */
export function ErrorBar({ title, error, retryLabel = 'Try again', onRetry, onDismiss }: ErrorBarProps) {
  const styles = useStyles();
  const intent = error.kind === 'cancelled' ? 'warning' : 'error';
  const support = [error.code && `Code: ${error.code}`, error.correlationId && `Correlation id: ${error.correlationId}`]
    .filter(Boolean)
    .join(' · ');

  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        <span>{error.message}</span>
        {error.action && <span>{error.action}</span>}
        {support && <Caption1 className={styles.support}>{support}</Caption1>}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss && (
              <Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={onDismiss} />
            )
          }
        >
          {onRetry && <Button onClick={onRetry}>{retryLabel}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
