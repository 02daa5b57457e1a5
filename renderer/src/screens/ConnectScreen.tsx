import { Caption1, Card, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CustomerConsentPanel } from '../components/customerConsent/CustomerConsentPanel';
import { JoinVaultView } from '../components/keyVault/JoinVaultView';
import { WizardProgress } from '../components/wizard/WizardProgress';
import { useSamDeskStore } from '../store';
import { AccountsView } from './wizard/AccountsView';
import { DoneStep } from './wizard/DoneStep';
import { ExchangeStep } from './wizard/ExchangeStep';
import { SamAppStep } from './wizard/SamAppStep';
import { SignInStep } from './wizard/SignInStep';
import { TenantStep } from './wizard/TenantStep';
import { VerifyStep } from './wizard/VerifyStep';

const useStyles = makeStyles({
  screen: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    width: '100%',
    maxWidth: '720px',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  // The consent screen lists every customer: it gets the room the window has.
  wide: { maxWidth: '1080px' },
  cloud: { color: tokens.colorNeutralForeground3 },
});

/** The consent wizard: six steps from nothing to a working refresh token, plus account and customer-consent views. */
export function ConnectScreen() {
  const styles = useStyles();
  const { cloud, wizardOpen, wizardView, step, openWizard, joinVault } = useSamDeskStore(
    useShallow((state) => ({
      cloud: state.cloud,
      wizardOpen: state.wizardOpen,
      wizardView: state.wizardView,
      step: state.wizardStep,
      openWizard: state.openWizard,
      joinVault: state.joinVaultOpen,
    })),
  );
  // Joining from a team's Key Vault replaces the wizard while it is open.
  const view = joinVault ? 'join-vault' : wizardView;
  // A typed client secret stays in this screen's memory (never the store) from step 2 to step 3.
  const [clientSecret, setClientSecret] = useState('');

  // First run lands here without the wizard opened; open it so finishing sign-in does not leave it early.
  useEffect(() => {
    if (!wizardOpen) openWizard();
  }, [wizardOpen, openWizard]);

  return (
    <div className={styles.screen}>
      <Card className={mergeClasses(styles.card, view === 'customer-consent' && styles.wide)}>
        {view === 'steps' && <WizardProgress step={step} />}
        {view === 'join-vault' && <JoinVaultView />}
        {view === 'accounts' && <AccountsView />}
        {view === 'customer-consent' && <CustomerConsentPanel />}
        {view === 'steps' && step === 1 && <TenantStep />}
        {view === 'steps' && step === 2 && <SamAppStep clientSecret={clientSecret} onClientSecretChange={setClientSecret} />}
        {view === 'steps' && step === 3 && <SignInStep clientSecret={clientSecret} />}
        {view === 'steps' && step === 4 && <ExchangeStep />}
        {view === 'steps' && step === 5 && <VerifyStep />}
        {view === 'steps' && step === 6 && <DoneStep />}
        {cloud && (
          <Caption1 className={styles.cloud}>
            Cloud: {cloud.name} ({cloud.loginHost})
          </Caption1>
        )}
      </Card>
    </div>
  );
}
