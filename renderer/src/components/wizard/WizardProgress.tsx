import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { WIZARD_STEPS, type WizardStep } from '../../store/wizardSlice';

const useStyles = makeStyles({
  list: { display: 'flex', listStyle: 'none', margin: 0, padding: 0, columnGap: tokens.spacingHorizontalXS },
  step: {
    flex: '1 1 0',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
  },
  bar: { height: '4px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralStroke2 },
  doneBar: { backgroundColor: tokens.colorBrandBackground },
  currentBar: { backgroundColor: tokens.colorBrandBackground },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  label: { display: 'flex', alignItems: 'center', columnGap: '2px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  done: { color: tokens.colorBrandForeground1, flexShrink: 0 },
});

/** Where the admin is in the six steps; the current one is announced as the step. */
export function WizardProgress({ step }: { step: WizardStep }) {
  const styles = useStyles();
  return (
    <nav aria-label={`Step ${step} of ${WIZARD_STEPS.length}`}>
      <ol className={styles.list}>
        {WIZARD_STEPS.map((label, index) => {
          const number = index + 1;
          const state = number < step ? 'done' : number === step ? 'current' : 'todo';
          return (
            <li key={label} className={mergeClasses(styles.step, state === 'current' && styles.current)} aria-current={state === 'current' ? 'step' : undefined}>
              <span className={mergeClasses(styles.bar, state === 'done' && styles.doneBar, state === 'current' && styles.currentBar)} />
              <Caption1 className={mergeClasses(styles.label, state === 'current' && styles.current)}>
                {state === 'done' && <CheckmarkCircleFilled className={styles.done} aria-label="done" />}
                {number}. {label}
              </Caption1>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
