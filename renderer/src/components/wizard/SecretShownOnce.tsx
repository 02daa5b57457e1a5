import { Button, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  value: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A client secret Graph just created: Microsoft shows it this one time. SAM Desk has already put
 * it in the keychain; it is on screen only so the admin can keep a copy in their own vault.
 */
export function SecretShownOnce({ secret, expiresAt }: { secret: string; expiresAt: string }) {
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>New client secret (shown once)</MessageBarTitle>
        It is stored in your keychain and valid until {expiresAt.slice(0, 10)}. Copy it now if your team keeps its own copy; SAM
        Desk will not show it again.
        <div className={styles.row}>
          <Input className={styles.value} readOnly value={secret} aria-label="New client secret" />
          <Button
            icon={<CopyRegular />}
            onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
