import { Body1, Button, Card, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { ErrorBar } from '../../components/ErrorBar';
import { DeviceCodePanel } from '../../components/wizard/DeviceCodePanel';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { useStoreFields } from '../../store';
import { useStepStyles } from './styles';
import { wizardStepFields } from './wizardStepFields';
import { useWizardFix } from './useWizardFix';
import { StepIntro } from './StepIntro';

/** Step 4: Exchange Online, by the SAM app's own permission (modern) or the Exchange PowerShell app's device code. */
export function ExchangeStep() {
  const styles = useStepStyles();
  const store = useStoreFields([
    ...wizardStepFields,
    'deviceCodePrompt', 'deviceCodeUser', 'startExchangeDeviceCode', 'skipExchange',
  ]);
  const start = () => void store.startExchangeDeviceCode();
  const onFix = useWizardFix(start);
  const waiting = store.wizardBusy === 'device-code' || (store.wizardBusy === 'cancelling' && store.deviceCodePrompt);

  return (
    <div className={styles.step}>
      <StepIntro title="Exchange Online">
        There are two ways to run Exchange Online PowerShell for your customers. Most partners need only the first.
      </StepIntro>
      <Card>
        <Subtitle2 as="h2">Modern: your SAM app (nothing to do)</Subtitle2>
        <Body1>
          Connect-ExchangeOnline -AccessToken with a token for your SAM app. It uses the app’s Exchange.Manage permission, which
          you accepted in step 3. The next step checks that it works.
        </Body1>
      </Card>
      <Card>
        <Subtitle2 as="h2">Device code: the Exchange Online PowerShell app</Subtitle2>
        <Body1>
          Only for scripts that sign in with Microsoft’s Exchange Online PowerShell app (a0c73c16-a7e3-4564-9a95-2bdf47383716), such
          as older Connect-ExchangeOnline -DelegatedOrganization scripts. You enter a code on Microsoft’s page and sign in once more.
        </Body1>
        {store.deviceCodeUser && (
          <MessageBar intent="success">
            <MessageBarBody>Exchange Online PowerShell is connected for {store.deviceCodeUser}; its refresh token is in your keychain.</MessageBarBody>
          </MessageBar>
        )}
        {waiting && store.deviceCodePrompt ? (
          <DeviceCodePanel prompt={store.deviceCodePrompt} onCancel={() => void store.cancelWizardWork()} />
        ) : (
          <div className={styles.row}>
            <Button onClick={start} disabled={!!store.wizardBusy}>
              {store.wizardError ? 'Get a new code' : store.deviceCodeUser ? 'Get another code' : 'Get a device code'}
            </Button>
          </div>
        )}
      </Card>
      {store.wizardError && (
        <ErrorBar
          title={store.wizardError.kind === 'cancelled' ? 'Device-code sign-in cancelled' : 'The device-code sign-in did not finish'}
          // The card's button is the one way to try again; the bar offers only a remedy that differs from it.
          error={{ ...store.wizardError, fix: store.wizardError.fix === 'retry' ? undefined : store.wizardError.fix }}
          onFix={onFix}
          onDismiss={store.dismissWizardError}
        />
      )}
      <WizardFooter
        onBack={waiting ? undefined : () => store.goToStep(3)}
        // The step is optional: Next goes on even while a code waits, and says it cancels the code.
        notice={waiting ? 'This step is optional: Next cancels the pending code. You can connect Exchange PowerShell later (Partner accounts → Sign in again).' : undefined}
        next={{ onClick: waiting ? store.skipExchange : () => store.goToStep(5) }}
      />
    </div>
  );
}
