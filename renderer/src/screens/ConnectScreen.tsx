import { Card, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { CustomerConsentPanel } from '../components/customerConsent/CustomerConsentPanel';
import { JoinVaultView } from '../components/keyVault/JoinVaultView';
import { WizardProgress } from '../components/wizard/WizardProgress';
import { useStoreFields } from '../store';
import { WIZARD_FOOTER_CLEARANCE_PX } from '../toaster';
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
    // The card is as tall as the window, so the footer sits at its bottom on every step, short or long.
    alignItems: 'stretch',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: {
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    flexGrow: 1,
    // The sticky footer is clipped by no ancestor: the card must not scroll or hide overflow itself.
    overflow: 'visible',
  },
  // The consent screen lists every customer: it gets the room the window has.
  wide: { maxWidth: '1080px' },
  // A step's heading takes focus when the step opens; the focus ring would only distract there.
  main: { width: '100%', maxWidth: '720px', display: 'flex', flexDirection: 'column', '& h1:focus': { outline: 'none' } },
});

/** The consent wizard: six steps from nothing to a working refresh token, plus account and customer-consent views. */
export function ConnectScreen() {
  const styles = useStyles();
  const mainRef = useRef<HTMLElement>(null);
  const { wizardOpen, wizardView, wizardStep: step, wizardFocus: focus, wizardError: error, openWizard, joinVaultOpen: joinVault } = useStoreFields([
    'wizardOpen', 'wizardView', 'wizardStep', 'wizardFocus', 'wizardError', 'openWizard', 'joinVaultOpen',
  ]);
  // Joining from a team's Key Vault replaces the wizard while it is open.
  const view = joinVault ? 'join-vault' : wizardView;
  // A typed client secret stays in this screen's memory (never the store) from step 2 to step 3.
  const [clientSecret, setClientSecret] = useState('');

  // What scrolls into view (by focus or by script) stops above the sticky footer, not behind it.
  useEffect(() => {
    const root = document.documentElement;
    root.style.scrollPaddingBottom = `${WIZARD_FOOTER_CLEARANCE_PX}px`;
    return () => {
      root.style.scrollPaddingBottom = '';
    };
  }, []);

  // First run lands here without the wizard opened; open it so finishing sign-in does not leave it early.
  useEffect(() => {
    if (!wizardOpen) openWizard();
  }, [wizardOpen, openWizard]);

  // A secret Microsoft refused is forgotten here too (main forgot its copy): clearing the field really clears it.
  useEffect(() => {
    if (error?.fix === 're-enter-secret') setClientSecret('');
  }, [error]);

  // Each step (and view) opens with focus on its heading, so a screen reader starts there and Tab goes on from it.
  useEffect(() => {
    if (focus !== 'heading') return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [view, step, focus]);

  return (
    <div className={styles.screen}>
      <main ref={mainRef} className={styles.main} aria-label="Connect a partner account">
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
        </Card>
      </main>
    </div>
  );
}
