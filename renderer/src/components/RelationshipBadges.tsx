import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CustomerTenant, Relationship } from '../../../electron/ipc/customers';
import { bestRelationship, givesAccess } from '../../../electron/ipc/relationships';
import { relationshipLabel } from '../format';

const useStyles = makeStyles({
  badges: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  // Fluent's small circular Badge, as one styled span: a list row mounts several on every keystroke,
  // and the component's slots and hooks cost more than the row itself.
  badge: {
    ...typographyStyles.caption2Strong,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    boxSizing: 'border-box',
    height: '16px',
    minWidth: '16px',
    padding: `0 calc(${tokens.spacingHorizontalXXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorTransparentStroke),
    whiteSpace: 'nowrap',
  },
  'outline-informative': { color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  'tint-informative': { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  'tint-success': { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  'tint-warning': { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteYellowForeground1, ...shorthands.borderColor(tokens.colorPaletteYellowBorder1) },
  'tint-danger': { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
});

type BadgeLook = 'outline-informative' | `tint-${ReturnType<typeof relationshipBadgeColor>}`;

function Badge({ look, title, children }: { look: BadgeLook; title?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.badge, styles[look])} title={title}>
      {children}
    </span>
  );
}

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
      <Badge look="outline-informative">
        No admin relationship
      </Badge>
    );
  }
  return (
    <span className={styles.badges}>
      {customer.dap === 'yes' && (
        <Badge look="tint-informative">
          DAP
        </Badge>
      )}
      {dapUnknown && (
        <Badge look="outline-informative" title="Partner Center’s list does not say whether DAP is allowed; open the customer to check.">
          DAP not checked
        </Badge>
      )}
      {best && (
        <Badge look={`tint-${relationshipBadgeColor(best, nowMs)}`}>
          {relationshipLabel(best, nowMs)}
        </Badge>
      )}
      {more > 0 && (
        <Badge look="outline-informative" title={`${more} more GDAP relationship${more === 1 ? '' : 's'}: open the customer to see all`}>
          +{more}
        </Badge>
      )}
    </span>
  );
}
