import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { fixableChecks } from '../../../../electron/shared/samAppChecks';
import { applicationIdSchema } from '../../../../electron/ipc/schemas';
import { ErrorBar } from '../../components/ErrorBar';
import { CreateAppActions } from '../../components/wizard/CreateAppActions';
import { SamAppChecklist } from '../../components/wizard/SamAppChecklist';
import { SecretShownOnce } from '../../components/wizard/SecretShownOnce';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { useSamDeskStore, useStoreFields } from '../../store';
import { useStepStyles } from './styles';
import { wizardStepFields } from './wizardStepFields';
import { useWizardFix } from './useWizardFix';
import { StepIntro } from './StepIntro';

const busyWords = {
  'admin-sign-in': 'A sign-in window has opened. Sign in as a partner admin who may manage app registrations.',
  'creating-app': 'Creating the app registration, its service principal and a client secret…',
  'checking-app': 'Reading the app registration…',
  'fixing-app': 'Fixing the app registration…',
} as const;

/** Step 2: create the SAM app through Graph, or check an existing one; either way a checklist. */
export interface SamAppStepProps {
  /** Held by the wizard (never the store) so step 3 can use it too. */
  clientSecret: string;
  onClientSecretChange: (secret: string) => void;
}

export function SamAppStep({ clientSecret, onClientSecretChange }: SamAppStepProps) {
  const styles = useStepStyles();
  const store = useStoreFields([
    ...wizardStepFields,
    'wizardFocus', 'adminUser', 'samApp', 'adminSignIn', 'lookForSamApp', 'createSamApp', 'checkSamApp', 'fixSamApp',
  ]);
  const onFix = useWizardFix();
  const secretField = useRef<HTMLInputElement>(null);
  const [appName, setAppName] = useState(() => useSamDeskStore.getState().samApp?.app.displayName ?? 'SAM Desk');
  const [clientIdError, setClientIdError] = useState<string>();
  const [newSecret, setNewSecret] = useState<{ text: string; expiresAt: string }>();
  const { wizardDraft: draft, wizardBusy: busy, samApp, adminUser, lookForSamApp } = store;
  const failing = samApp?.checks.filter((check) => check.status === 'fail') ?? [];
  // Core's one rule for what “Fix the app” can put right (the same list SamAppService.fix acts on).
  const fixable = samApp ? fixableChecks(samApp.checks) : [];
  const fixMintsSecret = fixable.some((check) => check.id === 'secret');
  const checkedThisApp = samApp?.app.appId === draft.clientId.trim().toLowerCase();
  const working = busy && busy in busyWords ? (busy as keyof typeof busyWords) : null;

  // Sent back to type the secret again (Microsoft refused it): the emptied field has focus.
  useEffect(() => {
    if (store.wizardFocus === 'client-secret' && draft.appMode === 'existing') secretField.current?.focus();
  }, [store.wizardFocus, draft.appMode]);

  // Signed in to create: first look for an app this name already made, to offer it instead of a second one.
  useEffect(() => {
    if (adminUser && draft.appMode === 'create') void lookForSamApp(appName);
    // The name is looked up again when the field is left (onBlur), not at every keystroke, so it is not a dependency.
  }, [adminUser, draft.appMode, lookForSamApp]);

  // A secret SAM Desk just created is in the keychain; sign-in uses it, not what was typed before.
  const keepNewSecret = (secret: { text: string; expiresAt: string } | undefined) => {
    if (!secret) return;
    setNewSecret(secret);
    onClientSecretChange('');
  };

  const check = () => {
    const parsed = applicationIdSchema.safeParse(draft.clientId);
    if (!parsed.success) return setClientIdError(draft.clientId.trim() ? parsed.error.issues[0]?.message : 'Enter the application (client) id of your SAM app.');
    store.updateDraft({ clientId: parsed.data });
    void store.checkSamApp(clientSecret.trim() || undefined);
  };

  return (
    <div className={styles.step}>
      <StepIntro title="Your Secure Application Model app">
        SAM Desk signs in through an app registration in your partner tenant, as Microsoft’s Secure Application Model describes it: a
        multi-tenant Web app that returns to http://localhost, with Partner Center, Microsoft Graph, Azure Resource Manager, Exchange Online
        and Azure Key Vault permissions consented in your partner tenant, and a client secret that is not about to expire.
      </StepIntro>
      <RadioGroup value={draft.appMode} onChange={(_, data) => store.updateDraft({ appMode: data.value as 'create' | 'existing' })} aria-label="SAM app">
        <Radio value="existing" label="Use an existing app registration" />
        <Radio value="create" label="Create a new app registration for me" />
      </RadioGroup>

      {draft.appMode === 'existing' && (
        <div className={styles.section}>
          <Field label="Application (client) ID" required validationMessage={clientIdError} hint={clientIdError ? undefined : 'From Entra admin center → App registrations'}>
            <Input
              value={draft.clientId}
              onChange={(_, data) => {
                store.updateDraft({ clientId: data.value });
                setClientIdError(undefined);
              }}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label="Client secret" hint="Its Value, not its Secret ID. Kept in the OS keychain, never on disk. No secret? Check the app and let SAM Desk create one.">
            <Input ref={secretField} type="password" value={clientSecret} maxLength={512} autoComplete="off" onChange={(_, data) => onClientSecretChange(data.value)} />
          </Field>
        </div>
      )}
      {draft.appMode === 'create' && (
        <Field label="App name" hint="Shown in Entra admin center and on consent pages. SAM Desk finds an app it created under this name again.">
          <Input value={appName} maxLength={120} onChange={(_, data) => setAppName(data.value)} onBlur={() => void lookForSamApp(appName)} />
        </Field>
      )}

      <div className={styles.section}>
        <Body1 className={styles.help}>
          {adminUser
            ? `Signed in to Microsoft Graph as ${adminUser}.`
            : 'To read or create the app, SAM Desk signs you in once with Microsoft’s Azure PowerShell app (a Global or Application Administrator).'}
        </Body1>
        {working ? (
          <div className={styles.row} role="status">
            <Spinner size="tiny" aria-hidden />
            <Body1>{busyWords[working]}</Body1>
            {working === 'admin-sign-in' && <Button onClick={() => void store.cancelWizardWork()}>Cancel</Button>}
          </div>
        ) : !adminUser ? (
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void store.adminSignIn()}>
              {draft.appMode === 'create' ? 'Sign in to create the app' : 'Sign in to check the app'}
            </Button>
          </div>
        ) : draft.appMode === 'create' ? (
          <CreateAppActions appName={appName} onCreate={() => void store.createSamApp(appName.trim()).then(keepNewSecret)} />
        ) : (
          <div className={styles.row}>
            <Button appearance="primary" onClick={check}>
              Check the app
            </Button>
          </div>
        )}
      </div>

      {store.wizardError && (
        <ErrorBar
          title={store.wizardError.kind === 'cancelled' ? 'Nothing was changed' : 'That did not work'}
          error={store.wizardError}
          onFix={(fix) => (fix === 'check-app' ? store.dismissWizardError() : onFix(fix))}
          onDismiss={store.dismissWizardError}
        />
      )}
      {newSecret && samApp && <SecretShownOnce clientId={samApp.app.appId} secret={newSecret.text} expiresAt={newSecret.expiresAt} />}
      {samApp && checkedThisApp && (
        <div className={styles.section}>
          <Body1>
            <strong>{samApp.app.displayName}</strong> ({samApp.app.appId})
          </Body1>
          <SamAppChecklist checks={samApp.checks} />
          {fixable.length > 0 && (
            <div className={styles.section}>
              <div className={styles.row}>
                <Body1>SAM Desk can fix {fixable.length === 1 ? 'this' : 'these'} for you through Microsoft Graph.</Body1>
                <Button appearance="primary" disabled={!!busy} onClick={() => void store.fixSamApp().then(keepNewSecret)}>
                  {fixMintsSecret ? 'Fix the app and create a secret' : 'Fix the app'}
                </Button>
              </div>
              {fixMintsSecret && (
                <Caption1 className={styles.help}>
                  Fixing adds a new client secret to the app (its other secrets stay). SAM Desk asks you first, keeps the new secret in your
                  keychain and shows it to you once.
                </Caption1>
              )}
            </div>
          )}
        </div>
      )}

      <WizardFooter onBack={() => store.goToStep(1)} next={{ onClick: () => store.goToStep(3), disabled: !checkedThisApp || failing.length > 0 || !!busy }}>
        {draft.appMode === 'existing' && !checkedThisApp && (
          <Button appearance="subtle" disabled={!!busy || !applicationIdSchema.safeParse(draft.clientId).success} onClick={() => store.goToStep(3)}>
            Skip the check
          </Button>
        )}
      </WizardFooter>
    </div>
  );
}
