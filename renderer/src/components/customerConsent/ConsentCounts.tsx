import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { consentCategories, type ConsentCategory, type ConsentCounts as Counts } from '../../../../electron/ipc/customerConsentSummary';
import { formatCount } from '../../../../electron/ipc/counts';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  count: { fontWeight: tokens.fontWeightSemibold, marginLeft: tokens.spacingHorizontalXS },
});


export interface ConsentCountsProps {
  counts: Counts;
  selected: ConsentCategory | 'all';
  onSelect: (category: ConsentCategory | 'all') => void;
}

/** Every customer in exactly one category, so the numbers add up to the total; each one filters the list. */
export function ConsentCounts({ counts, selected, onSelect }: ConsentCountsProps) {
  const styles = useStyles();
  return (
    <div className={styles.group} role="group" aria-label="Consent counts">
      <ToggleButton size="small" checked={selected === 'all'} onClick={() => onSelect('all')}>
        All{' '}<span className={styles.count}>{formatCount(counts.total)}</span>
      </ToggleButton>
      {consentCategories.map(({ category, label }) => (
        <ToggleButton
          key={category}
          size="small"
          checked={selected === category}
          disabled={counts[category] === 0 && selected !== category}
          onClick={() => onSelect(selected === category ? 'all' : category)}
        >
          {label}{' '}
          <span className={styles.count}>{formatCount(counts[category])}</span>
        </ToggleButton>
      ))}
    </div>
  );
}
