import { Body1, Button, Card, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBar } from '../../components/ErrorBar';
import { DeviceCodePanel } from '../../components/wizard/DeviceCodePanel';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { useSamDeskStore } from '../../store';
import { useStepStyles } from './styles';
import { wizardStepState } from './wizardStepState';
import { useWizardFix } from './useWizardFix';
import { StepIntro } from './StepIntro';

/** Step 4: Exchange Online, by the SAM app's own permission (modern) or the Exchange PowerShell app's device code. */
export function ExchangeStep() {
  const styles = useStepStyles();
  const store = useSamDeskStore(
    useShallow((state) => ({
      ...wizardStepState(state),
      prompt: state.deviceCodePrompt,
      deviceCodeUser: state.deviceCodeUser,
      start: state.startExchangeDeviceCode,
      skip: state.skipExchange,
    })),
  );
  const start = () => void store.start();
  const onFix = useWizardFix(start);
  const waiting = store.busy === 'device-code' || (store.busy === 'cancelling' && store.prompt);

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
        {waiting && store.prompt ? (
          <DeviceCodePanel prompt={store.prompt} onCancel={() => void store.cancel()} />
        ) : (
          <div className={styles.row}>
            <Button onClick={start} disabled={!!store.busy}>
              {store.error ? 'Get a new code' : store.deviceCodeUser ? 'Get another code' : 'Get a device code'}
            </Button>
          </div>
        )}
      </Card>
      {store.error && (
        <ErrorBar
          title={store.error.kind === 'cancelled' ? 'Device-code sign-in cancelled' : 'The device-code sign-in did not finish'}
          // The card's button is the one way to try again; the bar offers only a remedy that differs from it.
          error={{ ...store.error, fix: store.error.fix === 'retry' ? undefined : store.error.fix }}
          onFix={onFix}
          onDismiss={store.dismissError}
        />
      )}
      <WizardFooter
        onBack={waiting ? undefined : () => store.goToStep(3)}
        // The step is optional: Next goes on even while a code waits, and says it cancels the code.
        notice={waiting ? 'This step is optional: Next cancels the pending code. You can connect Exchange PowerShell later (Partner accounts → Sign in again).' : undefined}
        next={{ onClick: waiting ? store.skip : () => store.goToStep(5) }}
      />
    </div>
  );
}
