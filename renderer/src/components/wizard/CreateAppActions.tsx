import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { SamAppResult } from '../../../../electron/ipc/wizard';
import { useStoreFields } from '../../store';
import { useRevealOnMount } from './useRevealOnMount';
import { useStepStyles } from '../../screens/wizard/styles';

/**
 * "Create the app", idempotent as the partner admin sees it: off while it runs and once the app
 * exists; an app SAM Desk created under this name before is offered instead of a second one.
 */
export function CreateAppActions({ appName, onCreate }: { appName: string; onCreate: () => void }) {
  const styles = useStepStyles();
  const { wizardBusy: busy, samApp, samAppOrigin: origin, samAppMatch: match, adoptFoundSamApp: adoptFound } = useStoreFields([
    'wizardBusy', 'samApp', 'samAppOrigin', 'samAppMatch', 'adoptFoundSamApp',
  ]);
  const name = appName.trim();
  const created = origin === 'created' && samApp?.app.displayName === name;
  const found = match?.displayName === name ? match.app : null;
  const inUse = !!found && samApp?.app.appId === found.app.appId;

  if (created || inUse) {
    return (
      <div className={styles.row} role="status">
        <Button appearance="primary" icon={<CheckmarkCircleRegular />} disabled>
          {created ? 'Created' : 'Using this app'}
        </Button>
        <Body1>
          “{samApp?.app.displayName}” ({samApp?.app.appId}) {created ? 'is in your partner tenant.' : 'is the SAM app.'} Run the wizard again
          with this name and SAM Desk finds this app instead of creating another.
        </Body1>
      </div>
    );
  }
  if (found) return <FoundApp found={found} onUse={adoptFound} />;
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled={!name || !!busy} onClick={onCreate}>
        Create the app
      </Button>
    </div>
  );
}

/** The app SAM Desk created under this name before, offered; brought into view, as it appears below the button just clicked. */
function FoundApp({ found, onUse }: { found: SamAppResult; onUse: () => void }) {
  const ref = useRevealOnMount<HTMLDivElement>();
  return (
    <div ref={ref}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>SAM Desk created “{found.app.displayName}” before</MessageBarTitle>
          It is in your partner tenant as {found.app.appId}. Use it rather than create a second app; to create a separate one,
          choose another name.
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onUse}>
            Use this app
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
