import { Body1, Button } from '@fluentui/react-components';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useSamDeskStore, useStoreFields } from '../../store';
import { useStepStyles } from './styles';
import { StepIntro } from './StepIntro';

/** Step 6: what SAM Desk keeps, until when, and how it stays valid. */
export function DoneStep() {
  const styles = useStepStyles();
  const { verification, closeWizard, openWizard, openCustomerConsent } = useStoreFields([
    'verification', 'closeWizard', 'openWizard', 'openCustomerConsent',
  ]);
  const profile = useSamDeskStore((state) => state.profiles.find((candidate) => candidate.id === state.wizardProfileId));
  const lapses = verification?.refreshTokenExpiresAt ?? profile?.refreshTokenExpiresAt;

  return (
    <div className={styles.step}>
      <StepIntro title="You’re connected" />
      <div className={styles.section}>
        <Body1>
          <strong>Stored in your keychain:</strong> the refresh token for {profile?.user ?? 'your admin account'}
          {verification?.exchangeDeviceCodeStored ? ', the Exchange Online PowerShell refresh token' : ''}
          {' '}and, if your app uses one, its client secret. Nothing secret is written to disk.
        </Body1>
        <Body1>
          <strong>Stored as metadata:</strong> the profile “{profile?.name}”, partner tenant {profile?.partnerTenantId}, app {profile?.clientId} and
          when the token was issued and last used.
        </Body1>
        <Body1>
          <strong>When it expires:</strong> {lapses ? formatDateTime(lapses, { zone: true }) : 'in 90 days'}, 90 days after the token was last used. Access tokens for customers last about an hour and are minted on demand.
        </Body1>
        <Body1>
          <strong>How renewal works:</strong> every use returns a new refresh token, which SAM Desk stores. SAM Desk also renews tokens
          before they lapse and warns you 14 and 3 days ahead. A password reset or a Conditional Access policy can still end a token
          early; then SAM Desk asks you to sign in again.
        </Body1>
      </div>
      <div className={styles.section}>
        <Body1>
          <strong>Next: consent your customers.</strong> The SAM app gets tokens in a customer’s tenant only once it is consented there; until
          then every customer answers “not consented” (AADSTS65001). Partner Center can consent for the customers it lists, in one go.
        </Body1>
      </div>
      {/* A finished screen: no Back, and one-line labels. */}
      <WizardFooter next={{ label: 'Consent your customers', onClick: () => openCustomerConsent('wizard') }}>
        <Button onClick={() => openWizard('accounts')}>Manage accounts</Button>
        <Button onClick={() => openWizard()}>Add another account</Button>
        <Button onClick={closeWizard}>Open customer list</Button>
      </WizardFooter>
    </div>
  );
}
