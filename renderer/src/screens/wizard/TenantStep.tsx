import { Body1, Caption1, Field, Input, Link } from '@fluentui/react-components';
import { useState } from 'react';
import { readPartnerTenant } from '../../../../electron/ipc/partnerTenant';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { useSamDeskStore, useStoreFields } from '../../store';
import { useStepStyles } from './styles';
import { StepIntro } from './StepIntro';

/** Step 1: which partner tenant; the cloud is the one SAM Desk was started in. */
export function TenantStep() {
  const styles = useStepStyles();
  const { wizardDraft: draft, cloud, updateDraft, goToStep, profiles, closeWizard } = useStoreFields([
    'wizardDraft', 'cloud', 'updateDraft', 'goToStep', 'profiles', 'closeWizard',
  ]);
  const [error, setError] = useState<string>();
  // The one rule (partnerTenant.ts): an id, a domain, a UPN's domain or an internationalised domain's A-label.
  const reading = readPartnerTenant(draft.partnerTenant);
  const note = reading.ok ? reading.note : undefined;

  const next = () => {
    if (!reading.ok) return setError(reading.message);
    updateDraft({ partnerTenant: reading.tenant });
    goToStep(2);
  };

  return (
    <div className={styles.step}>
      <StepIntro title="Connect your partner account">
        SAM Desk walks you through Microsoft’s Secure Application Model: an app registration in your partner tenant, one sign-in with MFA,
        and a refresh token kept in your operating system’s keychain. Start with the partner tenant you administer.
      </StepIntro>
      <Field
        label="Partner tenant (id or domain)"
        required
        validationMessage={error ?? note}
        validationState={error ? 'error' : note ? 'none' : undefined}
        hint={error || note ? undefined : 'Your partner tenant, e.g. contoso.onmicrosoft.com, its tenant id, or your own sign-in name'}
      >
        <Input
          value={draft.partnerTenant}
          onChange={(_, data) => {
            updateDraft({ partnerTenant: data.value });
            setError(undefined);
          }}
          onKeyDown={(event) => event.key === 'Enter' && next()}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field label="Profile name" hint="Optional: how this partner account is listed, e.g. Contoso production">
        <Input value={draft.profileName} maxLength={80} onChange={(_, data) => updateDraft({ profileName: data.value })} />
      </Field>
      {cloud && (
        // The cloud is fixed for the run (SAMDESK_CLOUD): a line that says so, not a dropdown that cannot switch.
        <div className={styles.section} aria-label="Cloud" role="group">
          <Body1>
            <strong>Cloud:</strong> {cloud.name} (sign-in at {cloud.loginHost})
          </Body1>
          <Caption1 className={styles.help}>
            SAM Desk works in the cloud it was started in. For another, quit SAM Desk and start it again with SAMDESK_CLOUD set to public,
            usgov (US Government) or china (21Vianet).
          </Caption1>
        </div>
      )}
      <Body1 className={styles.help}>
        Your team already keeps the refresh token in Azure Key Vault?{' '}
        <Link onClick={() => useSamDeskStore.getState().openJoinVault()}>Join from the vault</Link> instead.
      </Body1>
      <WizardFooter onBack={profiles.length > 0 ? closeWizard : undefined} next={{ onClick: next }} />
    </div>
  );
}
