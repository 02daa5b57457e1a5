import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.title2, margin: 0, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  status: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});

export interface SigningInPanelProps {
  cancelling: boolean;
  onCancel: () => void;
  browser?: 'embedded' | 'system';
}

/** While a sign-in is pending: the user is busy in the sign-in window or their browser. */
export function SigningInPanel({ cancelling, onCancel, browser = 'embedded' }: SigningInPanelProps) {
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className={styles.panel} aria-busy="true">
      <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
        Finish signing in
      </h1>
      <div className={styles.status} role="status">
        <Spinner size="small" aria-label="Waiting for sign-in" />
        <Body1>
          {browser === 'system'
            ? 'Your browser has opened the sign-in page. Sign in with your partner admin account, approve MFA and the permissions, then come back here.'
            : 'A sign-in window has opened. Sign in with your partner admin account and approve MFA and the permissions.'}
        </Body1>
      </div>
      <Button onClick={onCancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </Button>
    </div>
  );
}
