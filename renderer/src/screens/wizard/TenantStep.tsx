import { Body1, Field, Input, Link, Select, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { tenantRefSchema } from '../../../../electron/ipc/schemas';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { useSamDeskStore } from '../../store';
import { useStepStyles } from './styles';

const clouds = [
  { value: 'Microsoft public cloud', label: 'Microsoft public cloud (worldwide)' },
  { value: 'Microsoft US Government cloud', label: 'US Government (GCC High, DoD)' },
  { value: 'Microsoft Azure operated by 21Vianet (China)', label: 'China (operated by 21Vianet)' },
];

/** Step 1: which partner tenant, in which cloud. */
export function TenantStep() {
  const styles = useStepStyles();
  const { draft, cloud, updateDraft, goToStep, profiles, closeWizard } = useSamDeskStore(useShallow((state) => ({
    draft: state.wizardDraft,
    cloud: state.cloud,
    updateDraft: state.updateDraft,
    goToStep: state.goToStep,
    profiles: state.profiles,
    closeWizard: state.closeWizard,
  })));
  const [error, setError] = useState<string>();
  const options = cloud && !clouds.some((option) => option.value === cloud.name)
    ? [...clouds, { value: cloud.name, label: `${cloud.name} (development)` }]
    : clouds;
  const [chosenCloud, setChosenCloud] = useState(cloud?.name ?? clouds[0]!.value);

  const next = () => {
    const parsed = tenantRefSchema.safeParse(draft.partnerTenant);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    updateDraft({ partnerTenant: parsed.data });
    goToStep(2);
  };

  return (
    <div className={styles.step}>
      <Title2 as="h1" className={styles.heading}>
        Connect your partner account
      </Title2>
      <Body1 className={styles.help}>
        SAM Desk walks you through Microsoft’s Secure Application Model: an app registration in your partner tenant, one sign-in
        with MFA, and a refresh token kept in your operating system’s keychain. Start with the partner tenant you administer.
      </Body1>
      <Field
        label="Partner tenant (id or domain)"
        required
        validationMessage={error}
        hint={error ? undefined : 'Your partner tenant, e.g. contoso.onmicrosoft.com or its tenant id'}
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
      <Field
        label="Cloud"
        hint={
          chosenCloud === cloud?.name
            ? `Sign-in goes to ${cloud?.loginHost ?? 'Microsoft'}.`
            : `SAM Desk is running against ${cloud?.name}. To use this cloud, set SAMDESK_CLOUD and restart SAM Desk.`
        }
        validationState={chosenCloud === cloud?.name ? 'none' : 'warning'}
      >
        <Select value={chosenCloud} onChange={(_, data) => setChosenCloud(data.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Profile name" hint="Optional: how this partner account is listed, e.g. Contoso production">
        <Input value={draft.profileName} maxLength={80} onChange={(_, data) => updateDraft({ profileName: data.value })} />
      </Field>
      <Body1 className={styles.help}>
        Your team already keeps the refresh token in Azure Key Vault?{' '}
        <Link onClick={() => useSamDeskStore.getState().openJoinVault()}>Join from the vault</Link> instead.
      </Body1>
      <WizardFooter
        onBack={profiles.length > 0 ? closeWizard : undefined}
        next={{ onClick: next, disabled: chosenCloud !== cloud?.name }}
      />
    </div>
  );
}
