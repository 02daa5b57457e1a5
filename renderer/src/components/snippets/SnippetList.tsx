import { Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReadinessVerdict } from '../../../../electron/ipc/readiness';
import type { SnippetModule } from '../../../../electron/ipc/schemas';
import { SNIPPET_MODES, SNIPPET_MODULE_CARDS } from '../../snippetModules';
import { SnippetRow } from './SnippetRow';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, marginTop: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  modes: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  // Each term and its meaning sit in the grid's two columns.
  mode: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** The detail pane's PowerShell: one compact row per module, the retired forms apart below. */
export function SnippetList({ customerTenantId, readiness }: { customerTenantId: string; readiness: Partial<Record<SnippetModule, ReadinessVerdict>> }) {
  const styles = useStyles();
  const rows = (retired: boolean) =>
    SNIPPET_MODULE_CARDS.filter((card) => !!card.retired === retired).map((card) => (
      <SnippetRow key={card.module} card={card} customerTenantId={customerTenantId} readiness={retired ? undefined : readiness[card.module]} />
    ));
  return (
    <section className={styles.section} aria-labelledby="powershell-heading">
      <Subtitle1 as="h3" id="powershell-heading" className={styles.heading}>
        PowerShell
      </Subtitle1>
      {/* What each choice in a row means, said once rather than in every row. */}
      <dl className={styles.modes}>
        {SNIPPET_MODES.map((option) => (
          <div key={option.mode} className={styles.mode}>
            <dt className={styles.term}>{option.label}</dt>
            <dd className={styles.muted}>{option.hint}</dd>
          </div>
        ))}
      </dl>
      <ul className={styles.list} aria-label="PowerShell modules">
        {rows(false)}
      </ul>
      <Subtitle2 as="h3" className={styles.heading}>
        Retired forms from the Secure Application Model documents
      </Subtitle2>
      <Caption1 className={styles.muted}>
        Microsoft has switched these off. They are here so you can recognise them in old scripts; each names its replacement.
      </Caption1>
      <ul className={styles.list} aria-label="Retired PowerShell forms">
        {rows(true)}
      </ul>
    </section>
  );
}
