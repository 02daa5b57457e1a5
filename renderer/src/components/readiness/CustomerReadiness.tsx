import { Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import type { CustomerTenant } from '../../../../electron/ipc/customers';
import type { ReadinessVerdict } from '../../../../electron/ipc/readiness';
import type { SnippetModule } from '../../../../electron/ipc/schemas';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { snippetCard } from '../../snippetModules';
import { useSamDeskStore } from '../../store';
import { ReadinessBadge } from './ReadinessBadge';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  line: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, flexWrap: 'wrap' },
  modules: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  module: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, maxWidth: '320px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** At a glance, before anything is copied: which modules work here, when that was checked, and a way to check again. */
export function CustomerReadiness({ customer, verdicts }: { customer: CustomerTenant; verdicts: Partial<Record<SnippetModule, ReadinessVerdict>> }) {
  const styles = useStyles();
  const checkedAt = useSamDeskStore((state) => state.probeResults[customer.tenantId]?.checkedAt);
  const checking = useSamDeskStore((state) => state.accessCheckStatus === 'running' && (state.accessCheckTenantIds?.includes(customer.tenantId) ?? true));
  const check = useSamDeskStore((state) => state.checkCustomerAccess);
  const entries = Object.entries(verdicts) as Array<[SnippetModule, ReadinessVerdict]>;
  return (
    <section className={styles.section} aria-labelledby="readiness-heading">
      <Subtitle2 as="h3" id="readiness-heading" className={styles.heading}>
        Will it work here?
      </Subtitle2>
      <ul className={styles.modules} aria-label="Readiness by module">
        {entries.map(([module, verdict]) => (
          <li key={module} className={styles.module} aria-label={`${snippetCard(module).title}: ${verdict.readiness === 'ready' ? 'ready' : verdict.readiness === 'not-ready' ? 'not ready' : 'not known yet'}`}>
            <Body1>{snippetCard(module).title}</Body1>
            <ReadinessBadge verdict={verdict} size="small" />
          </li>
        ))}
      </ul>
      <div className={styles.line}>
        <Caption1 className={styles.muted}>
          {checking
            ? 'Checking: a token and one read-only call per service…'
            : checkedAt
              ? `Last checked ${formatDateTime(checkedAt)}.`
              : 'Not checked yet: until then the verdicts come from your relationships and roles alone.'}
        </Caption1>
        <Button size="small" icon={checking ? <Spinner size="tiny" /> : <ShieldCheckmarkRegular />} disabledFocusable={checking} onClick={() => void check(customer.tenantId)}>
          {checkedAt ? 'Check again' : 'Check access'}
        </Button>
      </div>
    </section>
  );
}
