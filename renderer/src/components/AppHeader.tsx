import { Button, Caption1, Select, Text, Title3, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useSamDeskStore, useStoreFields } from '../store';
import { RefreshTokenBadge } from './RefreshTokenBadge';
import { KeyVaultButton } from './keyVault/KeyVaultButton';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    minHeight: '52px',
    boxSizing: 'border-box',
  },
  title: { margin: 0, flexShrink: 0 },
  profile: {
    marginLeft: 'auto',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', minWidth: 0 },
  // Beside the picker (which names the profile) in a narrow window, the block would shrink to a letter or two.
  whoBesidePicker: { '@media (max-width: 1099px)': { display: 'none' } },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
  picker: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
  // Controls keep their one-line labels; the name and tenant give way (ellipsis) in a narrow window.
  action: { whiteSpace: 'nowrap', flexShrink: 0 },
});

export function AppHeader() {
  const styles = useStyles();
  const pickerId = useId('profile-picker');
  const { profiles, activeProfileId, selectProfile } = useStoreFields([
    'profiles', 'activeProfileId', 'selectProfile',
  ]);
  const profile = profiles.find((candidate) => candidate.id === activeProfileId);

  return (
    <header className={styles.header}>
      <Title3 as="h1" className={styles.title}>
        SAM Desk
      </Title3>
      {profile && (
        <div className={styles.profile} aria-label="Signed-in profile" role="group">
          {profiles.length > 1 && (
            <span className={styles.picker}>
              <label htmlFor={pickerId}>
                <Caption1>Profile</Caption1>
              </label>
              <Select id={pickerId} size="small" value={profile.id} title={`${profile.user} · partner tenant ${profile.partnerTenantId}`} onChange={(_, data) => selectProfile(data.value)}>
                {profiles.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            </span>
          )}
          <div className={profiles.length > 1 ? `${styles.who} ${styles.whoBesidePicker}` : styles.who}>
            <Text weight="semibold" className={styles.ellipsis}>
              {profile.name}
            </Text>
            <Caption1 className={`${styles.ellipsis} ${styles.muted}`} title={`${profile.user} · partner tenant ${profile.partnerTenantId}`}>
              {profile.user} · partner tenant {profile.partnerTenantId}
            </Caption1>
          </div>
          <RefreshTokenBadge profile={profile} />
          <KeyVaultButton profile={profile} />
          <Button size="small" className={styles.action} onClick={() => useSamDeskStore.getState().openCustomerConsent('main')}>
            Customer consent
          </Button>
          <Button size="small" className={styles.action} onClick={() => useSamDeskStore.getState().openWizard('accounts')}>
            Partner accounts
          </Button>
        </div>
      )}
    </header>
  );
}
