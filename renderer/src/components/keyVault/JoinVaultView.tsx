import { Button, Field, Input, Select, Spinner } from '@fluentui/react-components';
import { VaultRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { VaultNameScheme } from '../../../../electron/ipc/keyVault';
import { useStepStyles } from '../../screens/wizard/styles';
import { useSamDeskStore, useStoreFields } from '../../store';
import { ErrorBar } from '../ErrorBar';
import { nameSchemeLabels } from './PublishForm';
import { StepIntro } from '../../screens/wizard/StepIntro';

/**
 * A teammate's way in: the partner's refresh token is already in the team's vault. They sign in
 * as themselves to read it; SAM Desk keeps a copy in their keychain and stays in step.
 */
export function JoinVaultView() {
  const styles = useStepStyles();
  const { keyVaultBusy: busy, keyVaultError: error } = useStoreFields(['keyVaultBusy', 'keyVaultError']);
  const [vaultUrl, setVaultUrl] = useState('');
  const [names, setNames] = useState<VaultNameScheme | 'auto'>('auto');
  const joining = busy === 'joining';
  const join = () => void useSamDeskStore.getState().joinFromVault(vaultUrl, names === 'auto' ? undefined : names);

  return (
    <div className={styles.step}>
      <StepIntro title="Join from your team’s Key Vault">
        Someone on your team published the partner’s refresh token to Azure Key Vault. Sign in with your own account to read it: you
        need the Key Vault Secrets User role on the vault (Secrets Officer to keep it in step from here). SAM Desk keeps a copy in
        your keychain and writes every rotated token back.
      </StepIntro>
      {error && <ErrorBar title="Joining did not work" error={error} onDismiss={() => useSamDeskStore.getState().dismissKeyVaultError()} />}
      <Field label="Vault URL" required hint="Its Vault URI, e.g. https://contoso-sam.vault.azure.net/ (the vault’s Overview page in the Azure portal).">
        <Input
          value={vaultUrl}
          onChange={(_, data) => setVaultUrl(data.value)}
          onKeyDown={(event) => event.key === 'Enter' && vaultUrl.trim() && !joining && join()}
          autoComplete="off"
          spellCheck={false}
          disabled={joining}
        />
      </Field>
      <Field label="Secret names">
        <Select value={names} onChange={(_, data) => setNames(data.value as VaultNameScheme | 'auto')} disabled={joining}>
          <option value="auto">Find out (SAM Desk’s, else CIPP’s)</option>
          <option value="samdesk">{nameSchemeLabels.samdesk.title}</option>
          <option value="cipp">{nameSchemeLabels.cipp.title}</option>
        </Select>
      </Field>
      <div className={styles.row}>
        <Button onClick={() => useSamDeskStore.getState().closeJoinVault()} disabled={joining}>
          Back
        </Button>
        <Button appearance="primary" icon={joining ? <Spinner size="tiny" /> : <VaultRegular />} disabled={joining || !vaultUrl.trim()} onClick={join}>
          {joining ? 'Waiting for your sign-in…' : 'Sign in and join'}
        </Button>
        {joining && <Button onClick={() => void useSamDeskStore.getState().cancelJoinVault()}>Cancel</Button>}
      </div>
    </div>
  );
}
