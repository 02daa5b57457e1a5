import { Body1, Button, Caption1, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { formatTime } from '../../../../electron/ipc/dateTime';
import { useRevealOnMount } from './useRevealOnMount';
import type { DeviceCodePromptView } from '../../../../electron/ipc/wizard';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '36px',
    lineHeight: '44px',
    letterSpacing: '0.15em',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    userSelect: 'all',
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  status: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The device code, large, with copy and "open the page"; main polls meanwhile. */
export function DeviceCodePanel({ prompt, onCancel }: { prompt: DeviceCodePromptView; onCancel: () => void }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  // In a small window the code would appear below the fold.
  const panel = useRevealOnMount<HTMLDivElement>();
  return (
    <div className={styles.panel} ref={panel}>
      <Body1>
        Open <Link href={prompt.verificationUri} target="_blank" rel="noreferrer">{prompt.verificationUri}</Link>, enter this code and sign in
        with your partner admin account:
      </Body1>
      <output className={styles.code} aria-label="Device code">
        {prompt.userCode}
      </output>
      <div className={styles.row}>
        <Button icon={<CopyRegular />} onClick={() => void navigator.clipboard.writeText(prompt.userCode).then(() => setCopied(true))}>
          {copied ? 'Code copied' : 'Copy code'}
        </Button>
        <Button appearance="primary" icon={<OpenRegular />} onClick={() => window.open(prompt.verificationUri, '_blank', 'noopener')}>
          Open the verification page
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      <div className={styles.status} role="status">
        <Spinner size="tiny" aria-hidden />
        <Caption1>
          Waiting for you to sign in. SAM Desk checks every {prompt.intervalSeconds} s; the code works until{' '}
          {formatTime(new Date(prompt.expiresAt), { zone: true })}.
        </Caption1>
      </div>
    </div>
  );
}
