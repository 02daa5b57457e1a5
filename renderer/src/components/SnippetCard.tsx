import {
  Body1,
  Button,
  Caption1,
  Card,
  Spinner,
  Subtitle2,
  Toast,
  ToastBody,
  ToastTitle,
  makeStyles,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import type { ReadinessVerdict, SnippetMode } from '../../../electron/ipc/contract';
import { useSamDeskStore, snippetKey } from '../store';
import type { SnippetModuleCard } from '../snippetModules';
import { formatTime, formatTimeLeft } from '../format';
import { useNow } from '../hooks/useNow';
import { TOASTER_ID } from '../toaster';
import { ErrorBar } from './ErrorBar';
import { ClipboardCountdown } from './snippets/ClipboardCountdown';
import { RetiredBanner } from './snippets/RetiredBanner';
import { ReadinessNote } from './readiness/ReadinessNote';

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
  /** Whether this module works for this customer (readiness model); shown before anything is copied. */
  readiness?: ReadinessVerdict;
}

/** Shared by every card: which toast belongs to the snippet now on the clipboard. */
const lastCopyToast: { id?: string } = {};

const copyLabels: Record<SnippetMode, string> = {
  paste: 'Copy snippet',
  script: 'Copy script',
  'all-customers': 'Copy script for all customers',
};

/** One PowerShell module: what its snippet does, a copy button, and the last copy's safe preview. */
export function SnippetCard({ card, customerTenantId, readiness }: SnippetCardProps) {
  const styles = useStyles();
  const headingId = useId('snippet-heading');
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  const mode = useSamDeskStore((state) => state.snippetMode);
  const snippet = useSamDeskStore((state) => state.snippets[snippetKey(customerTenantId, card.module, mode)]);
  const copySnippet = useSamDeskStore((state) => state.copySnippet);
  const copying = snippet?.status === 'copying';
  // Copying stays possible, but not as the first thing to do where the module is known not to work.
  const copyIsPrimary = !card.retired && readiness?.readiness !== 'not-ready';

  const onCopy = async () => {
    const copied = await copySnippet(customerTenantId, card.module, mode);
    if (!copied) return;
    const expiresAt = copied.expiresAt ? new Date(copied.expiresAt) : undefined;
    const clearSeconds = copied.clear ? (Date.parse(copied.clear.clearsAt) - Date.now()) / 1000 : 0;
    // One copy toast at a time: the newest snippet is the one on the clipboard.
    if (lastCopyToast.id) dismissToast(lastCopyToast.id);
    lastCopyToast.id = `snippet-copied-${Date.now()}`;
    dispatchToast(
      <Toast>
        <ToastTitle>
          {expiresAt
            ? `Snippet copied — contains an access token valid until ${formatTime(expiresAt, { zone: true })} (${formatTimeLeft(expiresAt.getTime() - Date.now())})`
            : 'Script copied — no token inside'}
        </ToastTitle>
        {copied.clear && (
          <ToastBody>
            <ClipboardCountdown clear={copied.clear} />
          </ToastBody>
        )}
      </Toast>,
      { toastId: lastCopyToast.id, intent: 'success', timeout: copied.clear ? clearSeconds * 1000 + 4000 : 6000 },
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
      {card.retired && <RetiredBanner retired={card.retired} />}
      <Body1>{card.description}</Body1>
      {readiness && !card.retired && <ReadinessNote verdict={readiness} customerTenantId={customerTenantId} labelledBy={headingId} />}
      <div className={styles.actions}>
        <Button
          appearance={copyIsPrimary ? 'primary' : 'secondary'}
          data-appearance={copyIsPrimary ? 'primary' : 'secondary'}
          icon={copying ? <Spinner size="tiny" appearance={copyIsPrimary ? 'inverted' : undefined} /> : <CopyRegular />}
          disabledFocusable={copying}
          aria-describedby={headingId}
          onClick={() => void onCopy()}
        >
          {copyLabels[mode]}
        </Button>
        {copying && (
          <Caption1 className={styles.muted}>{mode === 'paste' ? 'Getting a fresh access token…' : 'Writing the script…'}</Caption1>
        )}
      </div>
      {snippet?.status === 'error' && snippet.error && (
        <ErrorBar title="Couldn't copy the snippet" error={snippet.error} />
      )}
      {snippet?.preview && <SnippetPreview preview={snippet.preview} expiresAt={snippet.expiresAt} />}
    </Card>
  );
}

const previewLineLimit = 80;

/** Long scripts (a customer per line) show their start; the clipboard has all of it. */
function shortened(preview: string): string {
  const lines = preview.split('\n');
  if (lines.length <= previewLineLimit) return preview;
  return [...lines.slice(0, previewLineLimit), `# … ${lines.length - previewLineLimit} more lines on the clipboard`].join('\n');
}

function SnippetPreview({ preview, expiresAt }: { preview: string; expiresAt?: string }) {
  const styles = useStyles();
  const now = useNow(15_000);
  const expiry = expiresAt ? new Date(expiresAt) : undefined;
  const msLeft = expiry ? expiry.getTime() - now : 0;
  return (
    <>
      {/* Focusable so keyboard users can scroll long lines. */}
      <pre className={styles.preview} role="region" aria-label="Snippet preview" tabIndex={0}>
        <code>{shortened(preview)}</code>
      </pre>
      <Caption1 className={styles.muted}>
        {!expiry
          ? 'Last copied script. It holds no token: it reads the refresh token from your vault when it runs.'
          : msLeft > 0
            ? `Last copied snippet, tokens hidden. Its access token is valid until ${formatTime(expiry, { zone: true })} (${formatTimeLeft(msLeft)} left).`
            : 'The access token in the last copied snippet has expired. Copy the snippet again for a fresh one.'}
      </Caption1>
    </>
  );
}
