import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Label,
  ProgressBar,
  Radio,
  RadioGroup,
  SpinButton,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { AccessResource } from '../../../../electron/ipc/accessCheck';
import type { CustomerTenant } from '../../../../electron/ipc/customers';
import { useStoreFields } from '../../store';
import { AppDialog } from '../AppDialog';
import { ErrorBar } from '../ErrorBar';
import { AccessMatrix } from './AccessMatrix';
import { ConsentFromResults } from './ConsentFromResults';
import { accessResources } from './resources';
import { onlyFailures, summarizeReport } from './summary';
import { formatCount } from '../../../../electron/ipc/counts';

const useStyles = makeStyles({
  surface: { width: 'min(960px, 92vw)', maxWidth: 'none' },
  // In a short window the dialog's content scrolls; nothing in it is squeezed under the next part.
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  resources: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  summaryLine: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { marginLeft: 'auto' },
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Distinct reasons listed above the matrix; a check of every resource often finds five or six. */
const MAX_REASONS = 8;

export interface AccessCheckDialogProps {
  open: boolean;
  onClose: () => void;
  /** The customers the list shows right now (after search and filter), offered as "only these". */
  shownCustomers: readonly CustomerTenant[];
  /** How the list narrowed them, e.g. matching “schafer” (empty when it shows everyone). */
  shownDescription: string;
}

/**
 * "Check access": choose resources and customers, watch the progress, read the matrix. Per customer
 * and resource main mints a token and makes one read-only call with it, so a missing role shows
 * here, not after a paste. Closing the dialog does not stop a running check.
 */
export function AccessCheckDialog({ open, onClose, shownCustomers, shownDescription }: AccessCheckDialogProps) {
  const styles = useStyles();
  const state = useStoreFields([
    'customers', 'accessCheckStatus', 'accessCheckProgress', 'accessCheckError', 'accessReport', 'runAccessCheck',
    'cancelAccessCheck',
  ]);
  const [resources, setResources] = useState<AccessResource[]>(accessResources.map((entry) => entry.resource));
  const [scope, setScope] = useState<'all' | 'shown'>('all');
  const [concurrency, setConcurrency] = useState(16);
  // Until the user picks, a dialog opened after a check shows its results: decided in the first
  // render, so the focus Fluent gives the dialog on opening is not pulled out from under it.
  const [chosenView, setView] = useState<'setup' | 'results' | null>(null);
  const [failuresOnly, setFailuresOnly] = useState(false);
  const hasReport = state.accessReport !== null;
  const view = chosenView ?? (hasReport ? 'results' : 'setup');
  useEffect(() => {
    if (!open) setView(null);
  }, [open]);

  const customersById = useMemo(() => new Map(state.customers.map((c) => [c.tenantId, c])), [state.customers]);
  const summary = useMemo(() => (state.accessReport ? summarizeReport(state.accessReport) : null), [state.accessReport]);
  const rows = useMemo(
    () => (state.accessReport ? (failuresOnly ? onlyFailures(state.accessReport) : state.accessReport.customers) : []),
    [state.accessReport, failuresOnly],
  );

  const searching = shownDescription !== '' && shownCustomers.length !== state.customers.length;
  const running = state.accessCheckStatus === 'running';
  const showResults = !running && view === 'results' && state.accessReport !== null;

  const start = () => {
    setView('results');
    setFailuresOnly(false);
    void state.runAccessCheck({
      resources: accessResources.map((entry) => entry.resource).filter((resource) => resources.includes(resource)),
      customerTenantIds: scope === 'shown' && searching ? shownCustomers.map((c) => c.tenantId) : undefined,
      concurrency,
    });
  };

  const toggle = (resource: AccessResource, checked: boolean) =>
    setResources((current) => (checked ? [...current, resource] : current.filter((r) => r !== resource)));

  return (
    <AppDialog
      open={open}
      onClose={onClose}
      title="Check access"
      surfaceClassName={styles.surface}
      contentClassName={styles.content}
      describedByContent={false}
      actions={
        <>
          {running ? (
            <Button appearance="secondary" onClick={() => void state.cancelAccessCheck()}>
              Cancel check
            </Button>
          ) : showResults ? (
            <Button appearance="secondary" onClick={() => setView('setup')}>
              Check again…
            </Button>
          ) : (
            <Button appearance="primary" disabled={resources.length === 0 || state.customers.length === 0} onClick={start}>
              Start check
            </Button>
          )}
          <Button appearance="subtle" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      {running && (
        <>
          <Body1>
            Per customer and resource: a token, then one read-only call with it. Nothing is stored but your newest refresh token and what
            each call answered.
          </Body1>
          <Field
            validationState="none"
            validationMessage={
              state.accessCheckProgress
                ? `Checked ${formatCount(state.accessCheckProgress.checked)} of ${formatCount(state.accessCheckProgress.total)} · ${formatCount(state.accessCheckProgress.failed)} failed`
                : 'Starting…'
            }
          >
            <ProgressBar
              aria-label="Access check progress"
              value={state.accessCheckProgress && state.accessCheckProgress.total > 0 ? state.accessCheckProgress.checked / state.accessCheckProgress.total : undefined}
            />
          </Field>
        </>
      )}

      {!running && !showResults && (
        <>
          {state.accessCheckError && <ErrorBar title="The access check stopped" error={state.accessCheckError} />}
          <div role="group" aria-labelledby="access-check-resources">
            <Label id="access-check-resources" weight="semibold">
              Resources
            </Label>
            <div className={styles.resources}>
              {accessResources.map(({ resource, label, hint }) => (
                <Checkbox
                  key={resource}
                  label={<span title={hint}>{label}</span>}
                  checked={resources.includes(resource)}
                  onChange={(_, data) => toggle(resource, data.checked === true)}
                />
              ))}
            </div>
          </div>
          <Field label="Customers">
            <RadioGroup value={searching ? scope : 'all'} onChange={(_, data) => setScope(data.value as 'all' | 'shown')}>
              <Radio value="all" label={`All ${formatCount(state.customers.length)} customers`} />
              <Radio
                value="shown"
                disabled={!searching}
                label={
                  searching
                    ? `The ${formatCount(shownCustomers.length)} customers ${shownDescription}`
                    : 'Only the customers the list shows (search or filter it first)'
                }
              />
            </RadioGroup>
          </Field>
          <Field label="Parallel requests" hint="At most this many at once: SAM Desk starts with a few, adds more while Microsoft answers fast, and slows down by itself when Microsoft asks it to.">
            <SpinButton
              value={concurrency}
              min={1}
              max={32}
              onChange={(_, data) => {
                const value = data.value ?? Number(data.displayValue);
                if (Number.isInteger(value) && value >= 1 && value <= 32) setConcurrency(value);
              }}
            />
          </Field>
        </>
      )}

      {showResults && summary && state.accessReport && (
        <>
          <div className={styles.summaryLine}>
            <Body1>
              <strong>{formatCount(summary.ok)}</strong> worked · <strong>{formatCount(summary.failed)}</strong> failed
              {summary.skipped > 0 && <> · {formatCount(summary.skipped)} not checked</>}
              {state.accessReport.cancelled && ' (cancelled)'}
            </Body1>
            <Switch
              className={styles.grow}
              label="Only failures"
              checked={failuresOnly}
              onChange={(_, data) => setFailuresOnly(data.checked)}
            />
          </div>
          {summary.failures.length > 0 && (
            <ul className={styles.failures} aria-label="What failed and how to fix it">
              {summary.failures.slice(0, MAX_REASONS).map((failure) => (
                <li key={`${failure.label}${failure.reason}`}>
                  <Body1>
                    <strong>{failure.label}</strong> ({failure.customers === 1 ? '1 customer' : `${formatCount(failure.customers)} customers`}):{' '}
                    {failure.reason}
                  </Body1>{' '}
                  {failure.action && <Caption1 className={styles.muted}>{failure.action}</Caption1>}
                </li>
              ))}
              {summary.failures.length > MAX_REASONS && (
                <li>
                  <Caption1 className={styles.muted}>
                    …and {summary.failures.length - MAX_REASONS} more reasons, each in its cells below.
                  </Caption1>
                </li>
              )}
            </ul>
          )}
          <ConsentFromResults report={state.accessReport} customersById={customersById} resources={state.accessReport.resources} />
          {rows.length > 0 ? (
            <AccessMatrix rows={rows} resources={state.accessReport.resources} customersById={customersById} />
          ) : (
            <Body1 className={styles.muted}>No failures: every customer answered for every resource checked.</Body1>
          )}
        </>
      )}
    </AppDialog>
  );
}
