import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, ErrorCircle16Filled } from '@fluentui/react-icons';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import type { AccessOutcome, AccessResource, CustomerAccess } from '../../../../electron/ipc/accessCheck';
import type { CustomerTenant } from '../../../../electron/ipc/customers';
import { resourceLabel } from './resources';

const ROW_HEIGHT = 44;

const useStyles = makeStyles({
  table: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minHeight: 0,
  },
  row: {
    display: 'grid',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    height: `${ROW_HEIGHT}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  header: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, height: '32px' },
  scroller: {
    height: '360px',
    overflowY: 'auto',
    position: 'relative',
    contain: 'strict',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  body: { position: 'absolute', top: 0, left: 0, right: 0 },
  customer: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  domain: { color: tokens.colorNeutralForeground3 },
  cell: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
});

export interface AccessMatrixProps {
  rows: readonly CustomerAccess[];
  resources: readonly AccessResource[];
  customersById: ReadonlyMap<string, CustomerTenant>;
}

/** Customers × resources, virtualized (a 10,000-customer check renders only what is visible). */
export function AccessMatrix({ rows, resources, customersById }: AccessMatrixProps) {
  const styles = useStyles();
  const { scrollerRef, virtualizer } = useVirtualRows(rows.length, ROW_HEIGHT);
  const columns = { gridTemplateColumns: `minmax(180px, 2fr) repeat(${resources.length}, minmax(110px, 1fr))` };

  return (
    <div className={styles.table} role="table" aria-label="Access check results" aria-rowcount={rows.length + 1}>
      <div role="row" className={mergeClasses(styles.row, styles.header)} style={columns}>
        <span role="columnheader">Customer</span>
        {resources.map((resource) => (
          <span role="columnheader" key={resource}>
            {resourceLabel(resource)}
          </span>
        ))}
      </div>
      {/* Focusable so the matrix scrolls from the keyboard (axe scrollable-region-focusable); a rowgroup still, so the rows keep their table. */}
      <div ref={scrollerRef} className={styles.scroller} role="rowgroup" tabIndex={0} aria-label="Results by customer">
        <div className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const customer = customersById.get(row.tenantId);
            return (
              <div
                key={row.tenantId}
                role="row"
                aria-rowindex={item.index + 2}
                className={styles.row}
                style={{ ...columns, position: 'absolute', left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className={styles.customer}>
                  <Text className={styles.ellipsis}>{customer?.name ?? row.tenantId}</Text>
                  <Caption1 className={mergeClasses(styles.ellipsis, styles.domain)}>{customer?.domain || row.tenantId}</Caption1>
                </span>
                {resources.map((resource) => (
                  <OutcomeCell key={resource} outcome={row.results[resource]} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function OutcomeCell({ outcome }: { outcome: AccessOutcome | undefined }) {
  const styles = useStyles();
  if (!outcome || outcome.status === 'skipped') {
    return (
      <span role="cell" className={mergeClasses(styles.cell, styles.skipped)}>
        Not checked
      </span>
    );
  }
  if (outcome.status === 'ok') {
    return (
      <span role="cell" className={mergeClasses(styles.cell, styles.ok)}>
        <CheckmarkCircle16Filled aria-hidden />
        OK
      </span>
    );
  }
  // The reason and its fix are one hover away; the cell keeps to a few words.
  const detail = [outcome.reason, outcome.action, outcome.code].filter(Boolean).join('\n');
  return (
    <span role="cell" className={mergeClasses(styles.cell, styles.failed)} title={detail}>
      <ErrorCircle16Filled aria-hidden />
      <span className={styles.ellipsis}>{outcome.label}</span>
    </span>
  );
}
