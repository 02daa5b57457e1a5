import { Radio, RadioGroup } from '@fluentui/react-components';
import type { FixAction } from '../../../../electron/ipc/errors';
import { ErrorBar } from '../../components/ErrorBar';
import { SigningInPanel } from '../../components/SigningInPanel';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { useStoreFields } from '../../store';
import type { SignInBrowser } from '../../store/wizardSlice';
import { useStepStyles } from './styles';
import { wizardStepFields } from './wizardStepFields';
import { useWizardFix } from './useWizardFix';
import { StepIntro } from './StepIntro';

/** Remedies that amount to signing in again: the footer's button already does that. */
const SIGN_IN_AGAIN = new Set<FixAction>(['re-consent', 'retry', 'none']);

/** Step 3: the one interactive sign-in with MFA, accepting the SAM app's permissions. */
export function SignInStep({ clientSecret }: { clientSecret: string }) {
  const styles = useStepStyles();
  const store = useStoreFields([...wizardStepFields, 'signInAndConsent']);
  const signIn = () => void store.signInAndConsent(clientSecret.trim() || undefined); // keeps the click's user gesture
  const onFix = useWizardFix(signIn);
  // One next action per error: signing in again is the footer's button, so the bar offers only a remedy that differs.
  const remedy = store.wizardError?.fix && !SIGN_IN_AGAIN.has(store.wizardError.fix) ? store.wizardError.fix : undefined;

  if (store.wizardBusy === 'signing-in' || (store.wizardBusy === 'cancelling' && !store.wizardError)) {
    return (
      <SigningInPanel browser={store.wizardDraft.browser} cancelling={store.wizardBusy === 'cancelling'} onCancel={() => void store.cancelWizardWork()} />
    );
  }

  return (
    <div className={styles.step}>
      <StepIntro title="Sign in and consent">
        Sign in to {store.wizardDraft.partnerTenant} with your partner admin account, complete MFA and accept the app’s permissions. Microsoft
        returns a refresh token, which SAM Desk stores in your keychain. It works for 90 days after its last use, and SAM Desk renews it.
      </StepIntro>
      <RadioGroup
        value={store.wizardDraft.browser}
        onChange={(_, data) => store.updateDraft({ browser: data.value as SignInBrowser })}
        aria-label="Where to sign in"
      >
        <Radio value="embedded" label="In a SAM Desk sign-in window (recommended)" />
        <Radio
          value="system"
          label="In my system browser: needed when Conditional Access requires a compliant device, or to use a passkey"
        />
      </RadioGroup>
      {store.wizardError && (
        <ErrorBar
          title={store.wizardError.kind === 'cancelled' ? 'Sign-in cancelled' : "Couldn't sign in"}
          error={{ ...store.wizardError, fix: remedy }}
          onFix={onFix}
          onDismiss={store.dismissWizardError}
        />
      )}
      <WizardFooter
        onBack={() => store.goToStep(2)}
        // Without a secret there is nothing to sign in with: the bar's "Re-enter the secret" is the way on.
        next={remedy === 're-enter-secret' ? undefined : { label: store.wizardError ? 'Sign in again' : 'Sign in', onClick: signIn, appearance: remedy ? 'secondary' : 'primary' }}
      />
    </div>
  );
}
