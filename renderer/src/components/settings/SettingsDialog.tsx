import { Button, Field, MessageBar, MessageBarBody, SpinButton, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../electron/ipc/settings';
import { useSamDeskStore, useStoreFields } from '../../store';
import { AppDialog } from '../AppDialog';
import { useAppToast } from '../AppToaster';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalL },
});

type NumberSetting = 'warningDays' | 'criticalDays' | 'renewAfterDays' | 'clipboardClearSeconds';

/** Thresholds, renewal, notifications and start-up. Nothing is stored until Save, and an invalid value stores nothing. */
export function SettingsDialog() {
  const styles = useStyles();
  const { settingsOpen: open, settings, settingsError: error, savingSettings: saving } = useStoreFields([
    'settingsOpen', 'settings', 'settingsError', 'savingSettings',
  ]);
  const [draft, setDraft] = useState<Settings | null>(settings);
  const toast = useAppToast();
  useEffect(() => {
    if (open) setDraft(settings);
  }, [open, settings]);

  const number = (key: NumberSetting, label: string, hint: string, unit: string) => (
    <Field label={label} hint={hint}>
      <SpinButton
        value={draft?.[key] ?? null}
        displayValue={draft ? `${draft[key]} ${unit}` : ''}
        min={0}
        onChange={(_, data) => {
          const value = data.value ?? Number.parseInt(data.displayValue ?? '', 10);
          if (draft && Number.isFinite(value)) setDraft({ ...draft, [key]: value });
        }}
      />
    </Field>
  );
  const close = () => useSamDeskStore.getState().closeSettings();
  const toggle = (key: 'autoRenew' | 'notifications' | 'startAtLogin', label: string) => (
    <Switch label={label} checked={draft?.[key] ?? false} onChange={(_, data) => draft && setDraft({ ...draft, [key]: data.checked })} />
  );

  // Saved, the dialog closes; the toast says what now holds (a refusal stays in the dialog with its reason).
  const save = () =>
    draft && void useSamDeskStore.getState().saveSettings(draft).then((saved) => saved && toast({ intent: 'success', title: 'Settings saved', body: savedLine(draft) }));

  return (
    <AppDialog open={open} onClose={close} title="Settings" contentClassName={styles.form} onSubmit={save}
      actions={
        <>
          <Button appearance="secondary" onClick={close}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" disabled={!draft || saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </>
      }
    >
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {error.message} {error.action}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.pair}>
        {number('warningDays', 'Warn when', 'days or fewer are left', 'days')}
        {number('criticalDays', 'Critical when', 'days or fewer are left', 'days')}
      </div>
      {toggle('autoRenew', 'Renew refresh tokens automatically')}
      {number('renewAfterDays', 'Renew after', 'days without use (the limit is 90)', 'days')}
      {toggle('notifications', 'Notify me when a refresh token nears expiry')}
      {number('clipboardClearSeconds', 'Clear copied snippets after', '0 never clears the clipboard', 's')}
      {toggle('startAtLogin', 'Start SAM Desk when I sign in to this computer')}
    </AppDialog>
  );
}

/** "Warning 14 days and critical 3 days before a refresh token lapses; automatic renewal on." */
function savedLine(settings: Settings): string {
  return `Warning ${settings.warningDays} days and critical ${settings.criticalDays} days before a refresh token lapses; automatic renewal ${settings.autoRenew ? 'on' : 'off'}.`;
}
