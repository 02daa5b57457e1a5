import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatTime } from '../../../../electron/ipc/dateTime';
import { formatTimeLeft } from '../../../../electron/ipc/timeLeft';
import { useNow } from '../../hooks/useNow';
import type { SnippetState } from '../../store';

const useStyles = makeStyles({
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
    maxHeight: '220px',
    userSelect: 'text',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

const headLines = 40;
const tailLines = 30;

/** Long scripts (a customer per line) show their start and their end (the loop); the clipboard gets all of it. */
function shortened(preview: string): string {
  const lines = preview.split('\n');
  if (lines.length <= headLines + tailLines + 10) return preview;
  const left = lines.length - headLines - tailLines;
  return [...lines.slice(0, headLines), `  # … ${left} more lines when copied`, ...lines.slice(-tailLines)].join('\n');
}

/** The snippet as text, its tokens as placeholders, under a region named for its module ("Connect-MgGraph snippet preview"). */
export function SnippetPreview({ id, label, snippet, preview }: { id: string; label: string; snippet: SnippetState; preview: string }) {
  const styles = useStyles();
  const now = useNow(15_000);
  const copied = snippet.status === 'copied';
  const expiry = copied && snippet.expiresAt ? new Date(snippet.expiresAt) : undefined;
  const msLeft = expiry ? expiry.getTime() - now : 0;
  return (
    <>
      {/* Focusable so keyboard users can scroll long lines. */}
      <pre id={id} className={styles.preview} role="region" aria-label={`${label} snippet preview`} tabIndex={0}>
        <code>{shortened(preview)}</code>
      </pre>
      <Caption1 className={styles.muted}>
        {!copied
          ? 'Tokens are shown as placeholders: SAM Desk mints them when you copy, straight onto the clipboard.'
          : !expiry
            ? 'Last copied script. It holds no token: it reads the refresh token from your vault when it runs.'
            : msLeft > 0
              ? `Last copied snippet, tokens hidden. Its access token is valid until ${formatTime(expiry, { zone: true })} (${formatTimeLeft(msLeft)} left).`
              : 'The access token in the last copied snippet has expired. Copy the snippet again for a fresh one.'}
      </Caption1>
    </>
  );
}
