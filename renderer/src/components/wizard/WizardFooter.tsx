import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Sticky: however long the step, Back and Next stay in view (a 900×600 window included).
  footer: {
    position: 'sticky',
    bottom: 0,
    marginTop: 'auto',
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  buttons: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap' },
  // Buttons wrap as a whole onto a new row rather than breaking their labels.
  end: { marginLeft: 'auto', display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap', justifyContent: 'flex-end', '& > button': { whiteSpace: 'nowrap', flexShrink: 0 } },
  back: { whiteSpace: 'nowrap', flexShrink: 0 },
  notice: { color: tokens.colorNeutralForeground2, textAlign: 'end' },
});

export interface WizardFooterProps {
  onBack?: () => void;
  next?: { label?: string; onClick: () => void; disabled?: boolean; appearance?: 'primary' | 'secondary' };
  /** Extra actions beside Next, e.g. "Skip". */
  children?: ReactNode;
  /** One line above the buttons saying what Next will do, when that is not obvious. */
  notice?: ReactNode;
}

/** Back on the left, the way forward on the right, on every step (a finished screen has no Back). */
export function WizardFooter({ onBack, next, children, notice }: WizardFooterProps) {
  const styles = useStyles();
  return (
    <div className={styles.footer}>
      {notice && <Caption1 className={styles.notice}>{notice}</Caption1>}
      <div className={styles.buttons}>
        {onBack && (
          <Button className={styles.back} onClick={onBack}>
            Back
          </Button>
        )}
        <div className={styles.end}>
          {children}
          {next && (
            <Button appearance={next.appearance ?? 'primary'} onClick={next.onClick} disabled={next.disabled}>
              {next.label ?? 'Next'}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
