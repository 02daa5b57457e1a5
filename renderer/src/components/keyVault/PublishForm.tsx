import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CloudArrowUpRegular, SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { VaultNameScheme } from '../../../../electron/ipc/keyVault';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { useSamDeskStore, useStoreFields } from '../../store';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  vaults: { display: 'flex', flexDirection: 'column' },
  names: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  heading: { margin: 0 },
});

/** What each name scheme writes, as the choice shows it. */
export const nameSchemeLabels: Record<VaultNameScheme, { title: string; names: string; hint: string }> = {
  samdesk: {
    title: 'SAM Desk’s names',
    names: 'SAMDesk-RefreshToken, SAMDesk-ApplicationId, SAMDesk-TenantId, SAMDesk-ClientSecret',
    hint: 'For SAM Desk’s script snippets and your own runbooks.',
  },
  cipp: {
    title: 'CIPP’s names',
    names: 'RefreshToken, ApplicationID, TenantID, ApplicationSecret',
    hint: 'Exactly what CIPP reads at start, so an existing CIPP deployment or a runbook written for it reads them unchanged.',
  },
};

/** Not published yet: pick a vault Resource Manager lists, or paste its URL; choose the names; publish. */
export function PublishForm({ profile }: { profile: ProfileSummary }) {
  const styles = useStyles();
  const { keyVaultBusy: busy, vaultChoices: choices } = useStoreFields(['keyVaultBusy', 'vaultChoices']);
  const [vaultUrl, setVaultUrl] = useState('');
  const [names, setNames] = useState<VaultNameScheme>('samdesk');
  const vaults = choices?.profileId === profile.id ? choices.vaults : null;
  const publish = () => void useSamDeskStore.getState().publishToVault(profile.id, vaultUrl, names);

  return (
    <div className={styles.form}>
      <div className={styles.section}>
        <Subtitle2 as="h3" className={styles.heading}>
          Vault
        </Subtitle2>
        <div className={styles.row}>
          <Button icon={busy === 'finding' ? <Spinner size="tiny" /> : <SearchRegular />} disabled={busy !== null} onClick={() => void useSamDeskStore.getState().findVaults(profile.id)}>
            {busy === 'finding' ? 'Looking…' : 'Find my vaults'}
          </Button>
          <Caption1 className={styles.muted}>Lists the key vaults in your partner tenant’s Azure subscriptions.</Caption1>
        </div>
        {vaults && vaults.length === 0 && <Body1>No key vault was found in the subscriptions you can see. Paste the vault’s URL below.</Body1>}
        {vaults && vaults.length > 0 && (
          <RadioGroup aria-label="Key vaults in your subscriptions" value={vaultUrl} onChange={(_, data) => setVaultUrl(data.value)} className={styles.vaults}>
            {vaults.map((vault) => (
              <Radio
                key={vault.vaultUrl}
                value={vault.vaultUrl}
                label={{
                  children: (
                    <span>
                      <strong>{vault.name}</strong>
                      <Caption1 className={styles.muted}>
                        {' '}
                        · {vault.subscription} · {vault.resourceGroup} · {vault.location}
                        {vault.rbac ? '' : ' · access policies'}
                      </Caption1>
                    </span>
                  ),
                }}
              />
            ))}
          </RadioGroup>
        )}
        <Field label="Or paste the vault’s URL" hint="Its Vault URI, from the vault’s Overview page in the Azure portal.">
          <Input
            value={vaultUrl}
            placeholder="https://contoso-sam.vault.azure.net/"
            onChange={(_, data) => setVaultUrl(data.value)}
            onKeyDown={(event) => event.key === 'Enter' && vaultUrl.trim() && publish()}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
      </div>
      <Field label="Secret names">
        <RadioGroup value={names} onChange={(_, data) => setNames(data.value as VaultNameScheme)}>
          {(Object.keys(nameSchemeLabels) as VaultNameScheme[]).map((scheme) => (
            <Radio
              key={scheme}
              value={scheme}
              label={{
                children: (
                  <span>
                    {nameSchemeLabels[scheme].title} — {nameSchemeLabels[scheme].hint}
                    <br />
                    <span className={styles.names}>{nameSchemeLabels[scheme].names}</span>
                  </span>
                ),
              }}
            />
          ))}
        </RadioGroup>
      </Field>
      <Caption1 className={styles.muted}>
        SAM Desk writes as {profile.user}, who needs the Key Vault Secrets Officer role on the vault. The client secret is written only for an app that has one.
      </Caption1>
      <div className={styles.row}>
        <Button appearance="primary" icon={busy === 'publishing' ? <Spinner size="tiny" /> : <CloudArrowUpRegular />} disabled={busy !== null || !vaultUrl.trim()} onClick={publish}>
          {busy === 'publishing' ? 'Publishing…' : 'Publish to this vault'}
        </Button>
      </div>
    </div>
  );
}
