import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { CopyRegular, EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ReadinessVerdict } from '../../../../electron/ipc/readiness';
import { copyButtonName, snippetLabel, type SnippetModuleCard } from '../../snippetModules';
import { snippetKey, snippetModeOf, useSamDeskStore } from '../../store';
import { ErrorBar } from '../ErrorBar';
import { ReadinessBadge } from '../readiness/ReadinessBadge';
import { ReadinessNote } from '../readiness/ReadinessNote';
import { RetiredBanner } from './RetiredBanner';
import { SnippetModePicker } from './SnippetModePicker';
import { SnippetPreview } from './SnippetPreview';
import { useCopySnippet } from './useCopySnippet';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  command: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  what: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  spacer: { flexGrow: 1 },
  readiness: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  // The badge keeps its words on one line; the reason beside it wraps instead.
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  // Preview and Copy wrap together, never one without the other.
  buttons: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SnippetRowProps {
  card: SnippetModuleCard;
  customerTenantId: string;
  /** Whether this module works for this customer (readiness model); shown before anything is copied. */
  readiness?: ReadinessVerdict;
}

/** One PowerShell module in the compact list: what it connects to, its readiness, Paste/Script, a preview and a copy button naming it. */
export function SnippetRow({ card, customerTenantId, readiness }: SnippetRowProps) {
  const styles = useStyles();
  const headingId = useId('snippet-heading');
  const previewId = useId('snippet-preview');
  const label = snippetLabel(card);
  const mode = useSamDeskStore((state) => snippetModeOf(state.snippetModes, card.module));
  const snippet = useSamDeskStore((state) => state.snippets[snippetKey(customerTenantId, card.module, mode)]);
  const loadPreview = useSamDeskStore((state) => state.loadSnippetPreview);
  const copy = useCopySnippet(customerTenantId, card.module, mode);
  const [showPreview, setShowPreview] = useState(false);
  const copying = snippet?.status === 'copying';
  // Copying stays possible, but not as the first thing to do where the module is known not to work.
  const copyIsPrimary = !card.retired && readiness?.readiness !== 'not-ready';

  useEffect(() => {
    if (showPreview) void loadPreview(customerTenantId, card.module, mode);
  }, [showPreview, customerTenantId, card.module, mode, loadPreview]);

  const onCopy = async () => {
    // The admin sees what went onto the clipboard, tokens hidden.
    if (await copy()) setShowPreview(true);
  };

  return (
    <li className={styles.row} aria-labelledby={headingId}>
      <div className={styles.title}>
        <Subtitle2 as="h4" id={headingId} className={styles.heading}>
          {card.title}
        </Subtitle2>
        <code className={styles.command}>{card.command}</code>
      </div>
      <Caption1 className={styles.what}>{card.description}</Caption1>
      {card.retired && <RetiredBanner retired={card.retired} />}
      {readiness &&
        !card.retired &&
        // The whole note (reason, fix, its button) where the module will not work; elsewhere one line, since
        // "Will it work here?" above holds the check for every module.
        (readiness.readiness === 'not-ready' ? (
          <ReadinessNote verdict={readiness} customerTenantId={customerTenantId} labelledBy={headingId} />
        ) : (
          <div className={styles.readiness} role="group" aria-label="Readiness" aria-describedby={headingId}>
            <span className={styles.badge}>
              <ReadinessBadge verdict={readiness} size="small" />
            </span>
            <Caption1 className={styles.muted}>{readiness.reason}</Caption1>
          </div>
        ))}
      <div className={styles.actions}>
        <SnippetModePicker module={card.module} label={label} />
        <span className={styles.spacer} />
        <span className={styles.buttons}>
          {/* A disclosure: it shows or hides the preview below. */}
          <Button
            size="small"
            appearance="subtle"
            icon={showPreview ? <EyeOffRegular /> : <EyeRegular />}
            aria-expanded={showPreview}
            aria-controls={showPreview ? previewId : undefined}
            aria-label={`${showPreview ? 'Hide preview of' : 'Preview'} ${label} snippet`}
            onClick={() => setShowPreview((shown) => !shown)}
          >
            {showPreview ? 'Hide preview' : 'Preview'}
          </Button>
          <Button
            appearance={copyIsPrimary ? 'primary' : 'secondary'}
            data-appearance={copyIsPrimary ? 'primary' : 'secondary'}
            icon={copying ? <Spinner size="tiny" appearance={copyIsPrimary ? 'inverted' : undefined} /> : <CopyRegular />}
            disabledFocusable={copying}
            aria-label={copyButtonName(card, mode)}
            onClick={() => void onCopy()}
          >
            Copy
          </Button>
        </span>
      </div>
      {copying && <Caption1 className={styles.muted}>{mode === 'paste' ? 'Getting a fresh access token…' : 'Writing the script…'}</Caption1>}
      {snippet?.status === 'error' && snippet.error && <ErrorBar title="Couldn't copy the snippet" error={snippet.error} />}
      {showPreview && snippet?.preview && <SnippetPreview id={previewId} label={label} snippet={snippet} preview={snippet.preview} />}
    </li>
  );
}
