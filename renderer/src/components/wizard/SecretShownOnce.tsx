import { Button, Caption1, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ClipboardCopy } from '../../../../electron/ipc/app';
import type { UserFacingError } from '../../../../electron/ipc/errors';
import { samdesk, shownError } from '../../api';
import { ClipboardCountdown } from '../snippets/ClipboardCountdown';

const useStyles = makeStyles({
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  value: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A client secret Graph just created: Microsoft shows it this one time. SAM Desk has already put
 * it in the keychain; it is on screen only so the admin can keep a copy in their own vault. Copy
 * goes through main, which marks it concealed and clears it like a snippet's tokens.
 */
export function SecretShownOnce({ clientId, secret, expiresAt }: { clientId: string; secret: string; expiresAt: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<{ clear?: ClipboardCopy }>();
  const [error, setError] = useState<UserFacingError>();
  const copy = async () => {
    setError(undefined);
    try {
      setCopied(await samdesk().samApp.copySecret({ clientId }));
    } catch (reason) {
      setError(shownError(reason, 'Could not copy the secret.'));
    }
  };
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>New client secret (shown once)</MessageBarTitle>
        It is stored in your keychain and valid until {expiresAt.slice(0, 10)}. Copy it now if your team keeps its own copy; SAM
        Desk will not show it again.
        <div className={styles.row}>
          <Input className={styles.value} readOnly value={secret} aria-label="New client secret" />
          <Button icon={<CopyRegular />} onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
        {copied?.clear && (
          <Caption1>
            <ClipboardCountdown clear={copied.clear} />
          </Caption1>
        )}
        {error && <Caption1 role="alert">{error.message}</Caption1>}
      </MessageBarBody>
    </MessageBar>
  );
}
