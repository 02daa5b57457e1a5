import { Badge, Body1, Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { CustomerTenant, Relationship } from '../../../electron/ipc/customers';
import type { UserFacingError } from '../../../electron/ipc/errors';
import { givesAccess } from '../../../electron/ipc/relationships';
import { entraRoleName } from '../entraRoles';
import { formatDate, formatDateTime } from '../../../electron/ipc/dateTime';
import { relationshipStatusLabels } from '../format';
import { useSamDeskStore, useStoreFields } from '../store';
import { relationshipBadgeColor } from './RelationshipBadges';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  dap: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  relationship: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  roles: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2 },
});

/** DAP (asked of Partner Center when the customer is opened) and every GDAP relationship, the best first. */
export function CustomerRelationships({ customer }: { customer: CustomerTenant }) {
  const styles = useStyles();
  const { checkDap } = useStoreFields(['checkDap']);
  const checking = useSamDeskStore((state) => !!state.dapChecking[customer.tenantId]);
  const error = useSamDeskStore((state) => state.dapErrors[customer.tenantId]);
  const needsCheck = customer.inPartnerCenter && customer.dap === 'unknown';
  useEffect(() => {
    if (needsCheck) void checkDap(customer.tenantId);
  }, [needsCheck, customer.tenantId, checkDap]);
  const nowMs = Date.now();

  return (
    <section className={styles.section} aria-labelledby="relationships-heading">
      <Subtitle2 as="h3" id="relationships-heading" className={styles.heading}>
        Admin relationships
      </Subtitle2>
      <Body1>{accessSummary(customer, nowMs)}</Body1>
      <div className={styles.dap}>
        <Body1>DAP (legacy):</Body1>
        <DapState customer={customer} checking={checking} error={error} onRetry={() => void checkDap(customer.tenantId)} />
      </div>
      {customer.relationships.length === 0 ? (
        <Caption1 className={styles.muted}>No GDAP relationship with this customer.</Caption1>
      ) : (
        <ul className={styles.list} aria-label="GDAP relationships">
          {customer.relationships.map((relationship) => (
            <li key={relationship.id || relationship.name} className={styles.relationship} aria-label={relationship.name || 'GDAP relationship'}>
              <span className={styles.name}>{relationship.name || 'Unnamed relationship'}</span>
              <Badge appearance="tint" color={relationshipBadgeColor(relationship, nowMs)}>
                {relationshipStatusLabels[relationship.status]}
              </Badge>
              <Caption1 className={styles.muted}>{endsText(relationship, nowMs)}</Caption1>
              <span />
              <Caption1 className={styles.roles}>
                Roles: {relationship.roleIds.length ? relationship.roleIds.map(entraRoleName).join(', ') : 'none'}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DapState({ customer, checking, error, onRetry }: { customer: CustomerTenant; checking: boolean; error?: UserFacingError; onRetry: () => void }) {
  const styles = useStyles();
  if (!customer.inPartnerCenter) return <Caption1 className={styles.muted}>none (Partner Center does not list this customer)</Caption1>;
  if (checking) return <Spinner size="extra-tiny" label="asking Partner Center…" />;
  if (error && customer.dap === 'unknown') {
    return (
      <>
        <Caption1 className={styles.muted}>not checked: {error.message}</Caption1>
        <Button size="small" appearance="subtle" onClick={onRetry}>
          Check again
        </Button>
      </>
    );
  }
  if (customer.dap === 'unknown') return <Caption1 className={styles.muted}>not checked yet</Caption1>;
  const checked = customer.dapCheckedAt ? ` (Partner Center, ${formatDateTime(customer.dapCheckedAt)})` : '';
  return <Caption1>{customer.dap === 'yes' ? `allowed${checked}` : `not allowed${checked}`}</Caption1>;
}

function endsText(relationship: Relationship, nowMs: number): string {
  if (!relationship.endsAt) return 'Starts once the customer approves it';
  const date = formatDate(relationship.endsAt);
  if (Date.parse(relationship.endsAt) <= nowMs) return `Ended ${date}`;
  return relationship.autoExtends ? `Ends ${date}, then extends itself by 180 days` : `Ends ${date}`;
}

/** One sentence on what the relationships let the partner do in this tenant. */
function accessSummary(customer: CustomerTenant, nowMs: number): string {
  const usable = customer.relationships.filter((relationship) => givesAccess(relationship, nowMs));
  if (usable.length > 0) {
    const best = usable[0]!;
    const until = best.endsAt ? ` until ${formatDate(best.endsAt)}` : '';
    const expiring = best.status === 'expiring' ? ' (expiring: renew it soon)' : '';
    return `Delegated admin access through GDAP${until}${expiring}.`;
  }
  if (customer.dap === 'yes') return 'Delegated admin access through DAP (legacy; Microsoft recommends moving to GDAP).';
  if (customer.dap === 'unknown' && customer.inPartnerCenter) return 'No usable GDAP relationship; whether DAP gives access is not known yet.';
  if (customer.relationships.length > 0) return 'No GDAP relationship gives access now: admin access will be refused until one is active.';
  return 'No delegated admin relationship: admin access will be refused.';
}
