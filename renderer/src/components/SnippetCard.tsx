import {
  Body1,
  Button,
  Caption1,
  Card,
  Spinner,
  Subtitle2,
  Toast,
  ToastTitle,
  makeStyles,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useSamDeskStore, snippetKey } from '../store';
import type { SnippetModuleCard } from '../snippetModules';
import { formatClockTime, formatTimeLeft } from '../format';
import { useNow } from '../hooks/useNow';
import { TOASTER_ID } from '../toaster';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, display: 'block' },
  command: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  preview: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // PowerShell line continuations (`) only read right unwrapped; long lines scroll instead.
    whiteSpace: 'pre',
    overflow: 'auto',
    maxHeight: '260px',
    userSelect: 'text',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SnippetCardProps {
  card: SnippetModuleCard;
  customerTenantId: string;
}

/** One PowerShell module: what its snippet does, a copy button, and the last copy's safe preview. */
export function SnippetCard({ card, customerTenantId }: SnippetCardProps) {
  const styles = useStyles();
  const headingId = useId('snippet-heading');
  const { dispatchToast } = useToastController(TOASTER_ID);
  const snippet = useSamDeskStore((state) => state.snippets[snippetKey(customerTenantId, card.module)]);
  const copySnippet = useSamDeskStore((state) => state.copySnippet);
  const copying = snippet?.status === 'copying';

  const onCopy = async () => {
    const copied = await copySnippet(customerTenantId, card.module);
    if (!copied) return;
    const expiresAt = new Date(copied.expiresAt);
    dispatchToast(
      <Toast>
        <ToastTitle>
          {`Snippet copied — contains an access token valid until ${formatClockTime(expiresAt)} (${formatTimeLeft(expiresAt.getTime() - Date.now())})`}
        </ToastTitle>
      </Toast>,
      { intent: 'success', timeout: 6000 },
    );
  };

  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <div>
        <Subtitle2 as="h4" id={headingId} className={styles.heading}>
          {card.title}
        </Subtitle2>
        <code className={styles.command}>{card.command}</code>
      </div>
      <Body1>{card.description}</Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={copying ? <Spinner size="tiny" appearance="inverted" /> : <CopyRegular />}
          disabledFocusable={copying}
          aria-describedby={headingId}
          onClick={() => void onCopy()}
        >
          Copy snippet
        </Button>
        {copying && <Caption1 className={styles.muted}>Getting a fresh access token…</Caption1>}
      </div>
      {snippet?.status === 'error' && snippet.error && (
        <ErrorBar title="Couldn't copy the snippet" error={snippet.error} />
      )}
      {snippet?.preview && snippet.expiresAt && (
        <SnippetPreview preview={snippet.preview} expiresAt={snippet.expiresAt} />
      )}
    </Card>
  );
}

function SnippetPreview({ preview, expiresAt }: { preview: string; expiresAt: string }) {
  const styles = useStyles();
  const now = useNow(15_000);
  const expiry = new Date(expiresAt);
  const msLeft = expiry.getTime() - now;
  return (
    <>
      {/* Focusable so keyboard users can scroll long lines. */}
      <pre className={styles.preview} role="region" aria-label="Snippet preview" tabIndex={0}>
        <code>{preview}</code>
      </pre>
      <Caption1 className={styles.muted}>
        {msLeft > 0
          ? `Last copied snippet, tokens hidden. Its access token is valid until ${formatClockTime(expiry)} (${formatTimeLeft(msLeft)} left).`
          : 'The access token in the last copied snippet has expired. Copy the snippet again for a fresh one.'}
      </Caption1>
    </>
  );
}
