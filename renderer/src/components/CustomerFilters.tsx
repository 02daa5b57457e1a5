import { Dropdown, Option, makeStyles, tokens, useId } from '@fluentui/react-components';
import { memo } from 'react';
import { FilterRegular } from '@fluentui/react-icons';
import { customerFilters, type CustomerFilter } from '../../../electron/shared/listFilters';
import { formatCount } from '../../../electron/ipc/counts';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground3, display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  dropdown: { flexGrow: 1, minWidth: 0 },
});

export interface CustomerFiltersProps {
  filter: CustomerFilter;
  onChange: (filter: CustomerFilter) => void;
  /** How many of the customers the search finds each filter keeps; computed only once the menu is wanted. */
  counts: Partial<Record<CustomerFilter, number>> | undefined;
  onOpen: () => void;
}

/**
 * The list's readiness filter: "Exchange Online not ready", "Not consented", "GDAP ending within 30 days", …
 * Memoized: a keystroke in the search box re-renders the pane, not this menu (its props stay the same).
 */
export const CustomerFilters = memo(function CustomerFilters({ filter, onChange, counts, onOpen }: CustomerFiltersProps) {
  const styles = useStyles();
  const labelId = useId('customer-filter');
  const label = (entry: (typeof customerFilters)[number]) => (counts?.[entry.filter] === undefined ? entry.label : `${entry.label} (${formatCount(counts[entry.filter]!)})`);
  const current = customerFilters.find((entry) => entry.filter === filter)!;
  return (
    <div className={styles.row}>
      <span id={labelId} className={styles.label}>
        <FilterRegular aria-hidden /> Show
      </span>
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-labelledby={labelId}
        value={label(current)}
        selectedOptions={[filter]}
        onOpenChange={(_, data) => data.open && onOpen()}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue as CustomerFilter)}
      >
        {customerFilters.map((entry) => (
          <Option key={entry.filter} value={entry.filter} text={label(entry)}>
            {label(entry)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
});
