import { Body1, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { SamAppCheck } from '../../../../electron/ipc/wizard';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: '20px' },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteMarigoldForeground1 },
  detail: { color: tokens.colorNeutralForeground2, display: 'block' },
});

const statusWords = { pass: 'OK', fail: 'Needs fixing', warn: 'Check' } as const;

/** The SAM app's checklist: one line per requirement, with what is wrong in words. */
export function SamAppChecklist({ checks }: { checks: SamAppCheck[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="SAM app checklist">
      {checks.map((check) => {
        const Icon = check.status === 'pass' ? CheckmarkCircleFilled : check.status === 'fail' ? DismissCircleFilled : WarningFilled;
        return (
          <li key={check.id} className={styles.item} aria-label={`${check.label}: ${statusWords[check.status]}`}>
            <Icon className={mergeClasses(styles.icon, styles[check.status])} aria-hidden />
            <div>
              <Body1>
                {check.label} — <strong>{statusWords[check.status]}</strong>
              </Body1>
              <Caption1 className={styles.detail}>{check.detail}</Caption1>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
