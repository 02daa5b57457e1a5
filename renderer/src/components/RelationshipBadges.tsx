import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Relationship } from '../../../electron/ipc/contract';
import { relationshipLabel } from '../format';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
});

function badgeColor(relationship: Relationship) {
  if (relationship.kind === 'DAP') return 'informative' as const;
  return relationship.status === 'active' ? ('success' as const) : ('danger' as const);
}

export function RelationshipBadges({ relationships }: { relationships: readonly Relationship[] }) {
  const styles = useStyles();
  if (relationships.length === 0) {
    return (
      <Badge appearance="outline" color="subtle" size="small">
        No admin relationship
      </Badge>
    );
  }
  return (
    <span className={styles.badges}>
      {relationships.map((relationship, index) => (
        <Badge key={index} appearance="tint" color={badgeColor(relationship)} size="small">
          {relationshipLabel(relationship)}
        </Badge>
      ))}
    </span>
  );
}
