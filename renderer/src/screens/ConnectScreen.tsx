import { Body1, Caption1, Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ConnectForm } from '../components/ConnectForm';
import { ErrorBar } from '../components/ErrorBar';
import { SigningInPanel } from '../components/SigningInPanel';
import {
  type ConsentFormErrors,
  type ConsentFormValues,
  validateConsentField,
  validateConsentForm,
} from '../consentForm';
import { useSamDeskStore } from '../store';

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
    maxWidth: '560px',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  cloud: { color: tokens.colorNeutralForeground3 },
});

/** First run: sign in once to the partner's Secure Application Model app. */
export function ConnectScreen() {
  const styles = useStyles();
  const { cloud, suggestions, consentStatus, consentError, startConsent, cancelConsent, dismissConsentError } =
    useSamDeskStore(
      useShallow((state) => ({
        cloud: state.cloud,
        suggestions: state.suggestions,
        consentStatus: state.consentStatus,
        consentError: state.consentError,
        startConsent: state.startConsent,
        cancelConsent: state.cancelConsent,
        dismissConsentError: state.dismissConsentError,
      })),
    );
  // Form values (the client secret included) live here, never in the store, and survive the
  // signing-in panel so a failed attempt returns to a filled form.
  const [values, setValues] = useState<ConsentFormValues>(() => ({
    partnerTenant: suggestions.partnerTenant ?? '',
    clientId: suggestions.clientId ?? '',
    clientSecret: '',
    profileName: '',
  }));
  const [errors, setErrors] = useState<ConsentFormErrors>({});
  const submitRef = useRef<HTMLButtonElement>(null);
  const signingIn = consentStatus !== 'idle';

  // Back from the sign-in window: put focus where the user continues.
  const wasSigningIn = useRef(false);
  useEffect(() => {
    if (wasSigningIn.current && !signingIn) submitRef.current?.focus();
    wasSigningIn.current = signingIn;
  }, [signingIn]);

  const onChange = (field: keyof ConsentFormValues, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const onBlur = (field: keyof ConsentFormValues) => {
    if (!values[field].trim()) return; // Don't scold an empty field the user only tabbed through.
    setErrors((previous) => ({ ...previous, [field]: validateConsentField(field, values) }));
  };

  const onSubmit = () => {
    const result = validateConsentForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    void startConsent(result.input); // synchronous up to the API call: keeps the user gesture
  };

  return (
    <div className={styles.screen}>
      <Card className={styles.card}>
        {signingIn ? (
          <SigningInPanel cancelling={consentStatus === 'cancelling'} onCancel={() => void cancelConsent()} />
        ) : (
          <>
            <Title2 as="h1" className={styles.heading}>
              Connect your partner account
            </Title2>
            <ol className={styles.steps}>
              <li>
                <Body1>
                  You sign in once, with MFA, to your partner tenant's Secure Application Model app and approve its
                  permissions.
                </Body1>
              </li>
              <li>
                <Body1>SAM Desk keeps the resulting refresh token in your operating system's keychain.</Body1>
              </li>
              <li>
                <Body1>Nothing is written to disk in plaintext.</Body1>
              </li>
            </ol>
            {consentError && (
              <ErrorBar
                title={consentError.kind === 'cancelled' ? 'Sign-in cancelled' : "Couldn't sign in"}
                error={consentError}
                onDismiss={dismissConsentError}
              />
            )}
            <ConnectForm
              values={values}
              errors={errors}
              onChange={onChange}
              onBlur={onBlur}
              onSubmit={onSubmit}
              submitRef={submitRef}
            />
          </>
        )}
        {cloud && (
          <Caption1 className={styles.cloud}>
            Cloud: {cloud.name} ({cloud.loginHost})
          </Caption1>
        )}
      </Card>
    </div>
  );
}
