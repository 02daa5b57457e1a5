import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, RefObject } from 'react';
import type { ConsentFormErrors, ConsentFormValues } from '../consentForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', justifyContent: 'flex-end', paddingTop: tokens.spacingVerticalS },
});

export interface ConnectFormProps {
  values: ConsentFormValues;
  errors: ConsentFormErrors;
  onChange: (field: keyof ConsentFormValues, value: string) => void;
  onBlur: (field: keyof ConsentFormValues) => void;
  /** Must call consent.start synchronously: the submit is the user gesture a popup needs. */
  onSubmit: () => void;
  submitRef: RefObject<HTMLButtonElement | null>;
}

export function ConnectForm({ values, errors, onChange, onBlur, onSubmit, submitRef }: ConnectFormProps) {
  const styles = useStyles();
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const bind = (field: keyof ConsentFormValues) => ({
    value: values[field],
    onChange: (_: unknown, data: { value: string }) => onChange(field, data.value),
    onBlur: () => onBlur(field),
  });

  return (
    <form className={styles.form} onSubmit={handleSubmit} noValidate aria-label="Partner account">
      <Field
        label="Partner tenant (id or domain)"
        required
        validationMessage={errors.partnerTenant}
        hint={errors.partnerTenant ? undefined : 'For example contoso.onmicrosoft.com'}
      >
        <Input {...bind('partnerTenant')} autoComplete="off" spellCheck={false} />
      </Field>
      <Field
        label="Application (client) ID"
        required
        validationMessage={errors.clientId}
        hint={errors.clientId ? undefined : 'Your Secure Application Model app registration'}
      >
        <Input {...bind('clientId')} autoComplete="off" spellCheck={false} />
      </Field>
      <Field
        label="Client secret (only for confidential apps)"
        validationMessage={errors.clientSecret}
        hint="Stored in the OS keychain, never on disk"
      >
        <Input {...bind('clientSecret')} type="password" autoComplete="off" maxLength={512} />
      </Field>
      <Field label="Profile name" validationMessage={errors.profileName} hint="Optional, e.g. Contoso production">
        <Input {...bind('profileName')} autoComplete="off" maxLength={80} />
      </Field>
      <div className={styles.actions}>
        <Button ref={submitRef} type="submit" appearance="primary">
          Sign in
        </Button>
      </div>
    </form>
  );
}
