import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { bestRelationship, givesAccess, type CustomerTenant, type Relationship } from '../../../electron/ipc/contract';
import { relationshipLabel } from '../format';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
});

const SETTING_UP = new Set(['created', 'approvalPending', 'approved', 'activating']);

/** Green while it gives access, amber while expiring, blue while being set up, red once ended. */
export function relationshipBadgeColor(relationship: Relationship, nowMs: number) {
  if (givesAccess(relationship, nowMs)) return relationship.status === 'expiring' ? ('warning' as const) : ('success' as const);
  return SETTING_UP.has(relationship.status) ? ('informative' as const) : ('danger' as const);
}

/**
 * A customer's admin relationships in a few badges: DAP as far as Partner Center said (or "not
 * checked"), the best GDAP relationship, and how many more there are.
 */
export function RelationshipBadges({ customer, nowMs = Date.now() }: { customer: CustomerTenant; nowMs?: number }) {
  const styles = useStyles();
  const best = bestRelationship(customer.relationships, nowMs);
  const more = customer.relationships.length - (best ? 1 : 0);
  const dapUnknown = customer.dap === 'unknown' && customer.inPartnerCenter;
  if (!best && customer.dap === 'no') {
    return (
      <Badge appearance="outline" color="informative" size="small">
        No admin relationship
      </Badge>
    );
  }
  return (
    <span className={styles.badges}>
      {customer.dap === 'yes' && (
        <Badge appearance="tint" color="informative" size="small">
          DAP
        </Badge>
      )}
      {dapUnknown && (
        <Badge appearance="outline" color="informative" size="small" title="Partner Center’s list does not say whether DAP is allowed; open the customer to check.">
          DAP not checked
        </Badge>
      )}
      {best && (
        <Badge appearance="tint" color={relationshipBadgeColor(best, nowMs)} size="small">
          {relationshipLabel(best, nowMs)}
        </Badge>
      )}
      {more > 0 && (
        <Badge appearance="outline" color="informative" size="small" title={`${more} more GDAP relationship${more === 1 ? '' : 's'}: open the customer to see all`}>
          +{more}
        </Badge>
      )}
    </span>
  );
}
