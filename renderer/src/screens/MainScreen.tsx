import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef } from 'react';
import { AppHeader } from '../components/AppHeader';
import { CustomerDetailPane } from '../components/CustomerDetailPane';
import { CustomerListPane } from '../components/CustomerListPane';
import { useStoreFields } from '../store';

const useStyles = makeStyles({
  screen: { height: '100vh', display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  body: {
    flexGrow: 1,
    minHeight: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(320px, 440px) 1fr',
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** The signed-in screen: customers on the left, the selected customer on the right. */
export function MainScreen() {
  const styles = useStyles();
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);
  const { activeProfileId, loadCustomers, selectCustomer } = useStoreFields([
    'activeProfileId', 'loadCustomers', 'selectCustomer',
  ]);

  useEffect(() => {
    if (activeProfileId) void loadCustomers();
  }, [activeProfileId, loadCustomers]);

  const openCustomer = useCallback(
    (customerTenantId: string) => {
      selectCustomer(customerTenantId);
      // The detail pane re-renders with this customer first; then its heading takes focus.
      requestAnimationFrame(() => detailHeadingRef.current?.focus());
    },
    [selectCustomer],
  );

  return (
    <div className={styles.screen}>
      <AppHeader />
      <div className={styles.body}>
        <CustomerListPane onOpenCustomer={openCustomer} />
        <CustomerDetailPane headingRef={detailHeadingRef} />
      </div>
    </div>
  );
}
