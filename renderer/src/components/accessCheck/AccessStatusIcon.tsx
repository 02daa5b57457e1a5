import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, ErrorCircle16Filled } from '@fluentui/react-icons';
import type { CustomerAccessStatus } from '../../store/accessCheckSlice';

const useStyles = makeStyles({
  icon: { display: 'inline-flex', flexShrink: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const titles: Record<CustomerAccessStatus, string> = {
  ok: 'Last access check: every resource worked',
  failed: 'Last access check: some resources failed',
};

/** The small mark a customer row shows after an access check. */
export function AccessStatusIcon({ status }: { status: CustomerAccessStatus }) {
  const styles = useStyles();
  const Icon = status === 'ok' ? CheckmarkCircle16Filled : ErrorCircle16Filled;
  return (
    <span className={`${styles.icon} ${styles[status]}`} role="img" aria-label={titles[status]} title={titles[status]}>
      <Icon />
    </span>
  );
}
