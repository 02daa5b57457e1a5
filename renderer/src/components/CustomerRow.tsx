import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { CustomerTenant } from '../../../electron/ipc/customers';
import type { CustomerAccessStatus } from '../store/accessCheckSlice';
import { AccessStatusIcon } from './accessCheck/AccessStatusIcon';
import { RelationshipBadges } from './RelationshipBadges';

export const CUSTOMER_ROW_HEIGHT = 60;

const useStyles = makeStyles({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: `${CUSTOMER_ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    rowGap: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    userSelect: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  // The listbox keeps DOM focus (aria-activedescendant); this ring shows which row it is on.
  focusRing: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  // Fluent's Text (semibold) and Caption1, as plain spans: rows mount by the dozen on every keystroke.
  name: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  domain: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
    flexShrink: 1,
  },
  badges: { marginLeft: 'auto', flexShrink: 0 },
});

export interface CustomerRowProps {
  customer: CustomerTenant;
  index: number;
  setSize: number;
  start: number;
  selected: boolean;
  showFocus: boolean;
  /** From the last access check, if this customer was in it. */
  access?: CustomerAccessStatus;
  onSelect: (customerTenantId: string) => void;
  onOpen: (customerTenantId: string) => void;
}

export function customerOptionId(customerTenantId: string): string {
  return `customer-option-${customerTenantId}`;
}

/** One customer in the listbox. The name is untrusted text and is only ever rendered as text. */
export const CustomerRow = memo(function CustomerRow({
  customer,
  index,
  setSize,
  start,
  selected,
  showFocus,
  access,
  onSelect,
  onOpen,
}: CustomerRowProps) {
  const styles = useStyles();
  return (
    <div
      id={customerOptionId(customer.tenantId)}
      role="option"
      aria-selected={selected}
      aria-label={customer.name}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={mergeClasses(styles.row, selected && styles.selected, selected && showFocus && styles.focusRing)}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onSelect(customer.tenantId)}
      onDoubleClick={() => onOpen(customer.tenantId)}
    >
      <div className={styles.line}>
        <span className={mergeClasses(styles.name, styles.ellipsis)}>{customer.name}</span>
        {access && <AccessStatusIcon status={access} />}
      </div>
      <div className={styles.line}>
        <span className={mergeClasses(styles.ellipsis, styles.domain)}>{customer.domain}</span>
        <span className={styles.badges}>
          <RelationshipBadges customer={customer} />
        </span>
      </div>
    </div>
  );
});
