import { Body1, Button, Caption1, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReadinessAction, ReadinessVerdict } from '../../../../electron/ipc/readiness';
import { useSamDeskStore } from '../../store';
import { ReadinessBadge } from './ReadinessBadge';
import { useReadinessAction } from './useReadinessAction';

const useStyles = makeStyles({
  // Stacked, so the reason keeps the card's whole width in a narrow window.
  note: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  notReady: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0, alignSelf: 'stretch' },
  fix: { color: tokens.colorNeutralForeground2 },
  action: { alignSelf: 'flex-start' },
});

const actionLabels: Record<Exclude<ReadinessAction, 'none'>, string> = {
  'check-access': 'Check access',
  'grant-consent': 'Grant consent',
  'repair-consent': 'Repair consent',
};

/** A snippet card's readiness: the badge, the one reason, the one fix, and the button that applies it. */
export function ReadinessNote({ verdict, customerTenantId, labelledBy }: { verdict: ReadinessVerdict; customerTenantId: string; labelledBy: string }) {
  const styles = useStyles();
  const act = useReadinessAction(customerTenantId);
  const [acting, setActing] = useState(false);
  const checking = useSamDeskStore((state) => state.accessCheckStatus === 'running' && (state.accessCheckTenantIds?.includes(customerTenantId) ?? true));
  const busy = acting || checking;
  const run = async (action: ReadinessAction) => {
    setActing(true);
    try {
      await act(action);
    } finally {
      setActing(false);
    }
  };
  return (
    <div className={mergeClasses(styles.note, verdict.readiness === 'not-ready' && styles.notReady)} role="group" aria-label="Readiness" aria-describedby={labelledBy}>
      <ReadinessBadge verdict={verdict} />
      <div className={styles.text}>
        <Body1>{verdict.reason}</Body1>
        {verdict.fix && (
          <Caption1 className={styles.fix}>
            <strong>Fix:</strong> {verdict.fix}
          </Caption1>
        )}
        {verdict.action !== 'none' && (
          <Button
            className={styles.action}
            size="small"
            appearance={verdict.readiness === 'not-ready' ? 'primary' : 'secondary'}
            icon={busy ? <Spinner size="tiny" /> : undefined}
            disabledFocusable={busy}
            onClick={() => void run(verdict.action)}
          >
            {busy && verdict.action === 'check-access' ? 'Checking…' : actionLabels[verdict.action]}
          </Button>
        )}
      </div>
    </div>
  );
}
