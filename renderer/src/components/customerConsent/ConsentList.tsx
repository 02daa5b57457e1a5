import { Badge, Body1, Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import { consentCategory, type ConsentCategory } from '../../../../electron/ipc/customerConsentSummary';
import type { CustomerConsent } from '../../../../electron/ipc/wizard';
import { CopyLinkButton } from '../readiness/CopyLinkButton';
import { rowAction, rowDetail } from './consentRows';

const ROW_HEIGHT = 76;

const useStyles = makeStyles({
  scroller: {
    height: 'min(420px, calc(100vh - 360px))',
    minHeight: '180px',
    overflowY: 'auto',
    position: 'relative',
    contain: 'strict',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sizer: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    display: 'grid',
    gridTemplateColumns: '32px minmax(0, 1fr) auto auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalM} 0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, rowGap: tokens.spacingVerticalXXS },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  detail: {
    color: tokens.colorNeutralForeground3,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

const badges: Record<ConsentCategory, { label: string; color: 'success' | 'warning' | 'danger' | 'informative' | 'subtle' }> = {
  consented: { label: 'Consented', color: 'success' },
  'needs-repair': { label: 'Needs repair', color: 'warning' },
  'not-consented': { label: 'Not consented', color: 'warning' },
  'not-through-partner-center': { label: 'Not through Partner Center', color: 'informative' },
  'no-access': { label: 'No admin access', color: 'subtle' },
  'could-not-check': { label: 'Could not check', color: 'danger' },
};

export interface ConsentListProps {
  rows: readonly CustomerConsent[];
  selected: ReadonlySet<string>;
  onToggle: (tenantId: string, selected: boolean) => void;
  onGrant: (tenantId: string) => void;
  onRepair: (tenantId: string) => void;
  busy: boolean;
}

/** Every customer's consent, virtualized: 10,000 rows render only what is on screen. */
export function ConsentList({ rows, selected, onToggle, onGrant, onRepair, busy }: ConsentListProps) {
  const styles = useStyles();
  const { scrollerRef, virtualizer } = useVirtualRows(rows.length, ROW_HEIGHT, (index) => rows[index]?.tenantId ?? index);
  return (
    <div ref={scrollerRef} className={styles.scroller}>
      <div className={styles.sizer} style={{ height: `${virtualizer.getTotalSize()}px` }} role="list" aria-label="Customer consents">
        {virtualizer.getVirtualItems().map((item) => (
          <ConsentRow
            key={item.key}
            row={rows[item.index]!}
            start={item.start}
            selected={selected.has(rows[item.index]!.tenantId)}
            onToggle={onToggle}
            onGrant={onGrant}
            onRepair={onRepair}
            busy={busy}
          />
        ))}
      </div>
    </div>
  );
}

interface ConsentRowProps extends Omit<ConsentListProps, 'rows' | 'selected'> {
  row: CustomerConsent;
  start: number;
  selected: boolean;
}

const ConsentRow = memo(function ConsentRow({ row, start, selected, onToggle, onGrant, onRepair, busy }: ConsentRowProps) {
  const styles = useStyles();
  const action = rowAction(row);
  const badge = badges[consentCategory(row)];
  const detail = rowDetail(row);
  return (
    <div role="listitem" aria-label={row.name} className={styles.row} style={{ transform: `translateY(${start}px)` }}>
      {action === 'grant' ? (
        <Checkbox checked={selected} aria-label={`Select ${row.name}`} onChange={(_, data) => onToggle(row.tenantId, data.checked === true)} />
      ) : (
        <span />
      )}
      <div className={styles.text}>
        <Body1 className={styles.name}>{row.name}</Body1>
        <Caption1 className={styles.detail} title={action === 'link' ? `${detail} ${row.adminConsentUrl}` : detail}>
          {detail}
        </Caption1>
      </div>
      <Badge appearance="tint" color={badge.color}>
        {row.status === 'exists' ? 'Consent exists' : badge.label}
      </Badge>
      {action === 'grant' && (
        <Button size="small" disabled={busy} onClick={() => onGrant(row.tenantId)}>
          Grant
        </Button>
      )}
      {action === 'repair' && (
        <Button size="small" disabled={busy} title="Remove the consent and grant it again with SAM Desk’s current permissions" onClick={() => onRepair(row.tenantId)}>
          Repair
        </Button>
      )}
      {action === 'link' && <CopyLinkButton url={row.adminConsentUrl!} label="Copy consent link" />}
      {action === null && <span />}
    </div>
  );
});
