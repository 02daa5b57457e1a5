import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useSamDeskStore } from '../store';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

/** What main found wrong at start but worked around (a damaged metadata file set aside), until dismissed. */
export function StartupNotices() {
  const styles = useStyles();
  const notices = useSamDeskStore((state) => state.startupNotices);
  const dismiss = useSamDeskStore((state) => state.dismissStartupNotice);
  if (notices.length === 0) return null;
  return (
    <div className={styles.stack} role="region" aria-label="Startup problems">
      {notices.map((notice) => (
        <MessageBar key={notice.title + notice.message} intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            <span>{notice.message}</span>
            {notice.action && <span>{notice.action}</span>}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={() => dismiss(notice)} />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
