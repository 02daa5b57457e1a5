import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { useStoreFields } from '../store';

const useStyles = makeStyles({
  screen: {
    minHeight: '100vh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
  },
  error: { maxWidth: '560px', width: '100%' },
});

/** Shown until app.state() answers, or when it fails. */
export function StartupScreen() {
  const styles = useStyles();
  const { startupError: error, loadAppState } = useStoreFields(['startupError', 'loadAppState']);
  return (
    <main className={styles.screen}>
      {error ? (
        <div className={styles.error}>
          <ErrorBar title="SAM Desk could not start" error={error} onRetry={() => void loadAppState()} />
        </div>
      ) : (
        <Spinner label="Starting SAM Desk…" />
      )}
    </main>
  );
}
