import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  footer: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  end: { marginLeft: 'auto', display: 'flex', columnGap: tokens.spacingHorizontalS },
});

export interface WizardFooterProps {
  onBack?: () => void;
  next?: { label?: string; onClick: () => void; disabled?: boolean };
  /** Extra actions beside Next, e.g. "Skip". */
  children?: ReactNode;
}

/** Back on the left, the way forward on the right, on every step. */
export function WizardFooter({ onBack, next, children }: WizardFooterProps) {
  const styles = useStyles();
  return (
    <div className={styles.footer}>
      {onBack && <Button onClick={onBack}>Back</Button>}
      <div className={styles.end}>
        {children}
        {next && (
          <Button appearance="primary" onClick={next.onClick} disabled={next.disabled}>
            {next.label ?? 'Next'}
          </Button>
        )}
      </div>
    </div>
  );
}
