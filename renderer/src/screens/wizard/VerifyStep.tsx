import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useSamDeskStore, useStoreFields } from '../../store';
import { useStepStyles } from './styles';
import { wizardStepFields } from './wizardStepFields';
import { useWizardFix } from './useWizardFix';
import { StepIntro } from './StepIntro';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, wordBreak: 'break-word' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});


/** Step 5: use the stored token for real, and say what it can do. */
export function VerifyStep() {
  const styles = { ...useStepStyles(), ...useStyles() };
  const store = useStoreFields([...wizardStepFields, 'verification', 'exchangeSkipped', 'verifyConsent']);
  const verify = () => void store.verifyConsent();
  const onFix = useWizardFix(verify);
  const { verification: result } = store;

  useEffect(() => {
    const { verification, wizardBusy, wizardError } = useSamDeskStore.getState();
    if (!verification && !wizardBusy && !wizardError) void useSamDeskStore.getState().verifyConsent();
  }, []);

  const service = (ok: boolean, text: ReactNode) => (
    <dd className={styles.value}>
      {ok ? <CheckmarkCircleFilled className={styles.ok} aria-label="works" /> : <DismissCircleFilled className={styles.bad} aria-label="fails" />}
      {text}
    </dd>
  );

  return (
    <div className={styles.step}>
      <StepIntro title="Check that it works">SAM Desk redeems the stored refresh token and calls Partner Center, Microsoft Graph and Exchange Online with it.</StepIntro>
      {store.wizardBusy === 'verifying' && (
        <div className={styles.row} role="status">
          <Spinner size="tiny" aria-hidden />
          <Body1>Checking…</Body1>
        </div>
      )}
      {store.wizardError && (
        // "Check again" in the footer is the retry; the bar offers only a remedy that differs from it.
        <ErrorBar
          title="The stored consent does not work"
          error={{ ...store.wizardError, fix: store.wizardError.fix === 'retry' ? undefined : store.wizardError.fix }}
          onFix={onFix}
          onDismiss={store.dismissWizardError}
        />
      )}
      {store.exchangeSkipped && (
        <Body1 className={styles.help}>You skipped the optional Exchange device code; the code was cancelled. Scripts that need it can be connected later.</Body1>
      )}
      {result && !result.mfa && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No MFA claim in the token</MessageBarTitle>
            Partner Center rejects app+user tokens without MFA. Sign in again and complete MFA in the sign-in window.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => store.goToStep(3)}>Sign in again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {result && (
        <dl className={styles.facts} aria-label="Verification">
          <dt className={styles.term}>Signed in as</dt>
          <dd className={styles.value}>{result.user}</dd>
          <dt className={styles.term}>Partner tenant</dt>
          <dd className={styles.value}>{result.tenantId}</dd>
          <dt className={styles.term}>MFA</dt>
          {service(result.mfa, result.mfa ? 'Present in the token' : 'Missing')}
          <dt className={styles.term}>Permissions</dt>
          <dd className={styles.value}>{result.scopes.join(', ') || 'none listed'}</dd>
          <dt className={styles.term}>Access token</dt>
          <dd className={styles.value}>expires {formatDateTime(result.accessTokenExpiresAt, { zone: true })} (minted again whenever needed)</dd>
          <dt className={styles.term}>Refresh token</dt>
          <dd className={styles.value}>lapses {formatDateTime(result.refreshTokenExpiresAt, { zone: true })} unless used or renewed</dd>
          <dt className={styles.term}>Partner Center</dt>
          {result.partnerCenter.ok
            ? service(true, `${result.partnerCenter.customerCount} customers`)
            : service(false, `${result.partnerCenter.error.message} ${result.partnerCenter.error.action ?? ''}`)}
          <dt className={styles.term}>Microsoft Graph</dt>
          {result.graph.ok ? service(true, result.graph.organization) : service(false, result.graph.error.message)}
          <dt className={styles.term}>Exchange Online (SAM app)</dt>
          {result.exchangeModern.ok ? service(true, 'Works') : service(false, result.exchangeModern.error.message)}
          <dt className={styles.term}>Exchange PowerShell app</dt>
          <dd className={styles.value}>
            {result.exchangeDeviceCodeStored ? 'Connected by device code' : store.exchangeSkipped ? 'Skipped (only needed for older scripts)' : 'Not connected (only needed for older scripts)'}
          </dd>
        </dl>
      )}
      <WizardFooter onBack={() => store.goToStep(4)} next={{ onClick: () => store.goToStep(6), disabled: !result }}>
        <Button onClick={verify} disabled={!!store.wizardBusy}>
          Check again
        </Button>
        <Button onClick={() => useSamDeskStore.getState().openCustomerConsent('wizard')} disabled={!result}>
          Customer consent…
        </Button>
      </WizardFooter>
    </div>
  );
}
