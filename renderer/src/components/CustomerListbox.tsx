import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect, useMemo, useState } from 'react';
import type { CustomerTenant } from '../../../electron/ipc/contract';
import type { CustomerAccessStatus } from '../store/accessCheckSlice';
import { CUSTOMER_ROW_HEIGHT, CustomerRow, customerOptionId } from './CustomerRow';

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    position: 'relative',
    outlineStyle: 'none',
    contain: 'strict',
  },
  // With no row to ring (nothing selected, or it is scrolled away) the listbox itself shows focus.
  focusRing: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
  sizer: { position: 'relative', width: '100%' },
});

export interface CustomerListboxProps {
  customers: readonly CustomerTenant[];
  selectedTenantId: string | null;
  onSelect: (customerTenantId: string) => void;
  /** Enter or double-click: move on to the customer's details. */
  onOpen: (customerTenantId: string) => void;
  listboxRef: RefObject<HTMLDivElement | null>;
  /** Per tenant id, from the last access check. */
  accessByTenant: Readonly<Record<string, CustomerAccessStatus>>;
}

/**
 * A virtualized single-select listbox: only the visible rows exist in the DOM (smooth at 10,000
 * customers). Focus stays on the listbox and aria-activedescendant names the selected row.
 */
export function CustomerListbox({
  customers,
  selectedTenantId,
  onSelect,
  onOpen,
  listboxRef,
  accessByTenant,
}: CustomerListboxProps) {
  const styles = useStyles();
  // Rows show a focus ring only for keyboard users, like :focus-visible would.
  const [keyboardFocus, setKeyboardFocus] = useState(false);
  const virtualizer = useVirtualizer({
    count: customers.length,
    getScrollElement: () => listboxRef.current,
    estimateSize: () => CUSTOMER_ROW_HEIGHT,
    getItemKey: (index) => customers[index]?.tenantId ?? index,
    overscan: 8,
  });

  const selectedIndex = useMemo(
    () => (selectedTenantId ? customers.findIndex((customer) => customer.tenantId === selectedTenantId) : -1),
    [customers, selectedTenantId],
  );

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const moveTo = (index: number) => {
    const target = customers[Math.max(0, Math.min(customers.length - 1, index))];
    if (target) onSelect(target.tenantId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageSize = Math.max(1, Math.floor((listboxRef.current?.clientHeight ?? 0) / CUSTOMER_ROW_HEIGHT) - 1);
    const handled: Record<string, () => void> = {
      ArrowDown: () => moveTo(selectedIndex < 0 ? 0 : selectedIndex + 1),
      ArrowUp: () => moveTo(selectedIndex < 0 ? 0 : selectedIndex - 1),
      PageDown: () => moveTo(Math.max(selectedIndex, 0) + pageSize),
      PageUp: () => moveTo(selectedIndex - pageSize),
      Home: () => moveTo(0),
      End: () => moveTo(customers.length - 1),
      Enter: () => {
        if (selectedTenantId && selectedIndex >= 0) onOpen(selectedTenantId);
      },
    };
    const action = handled[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    setKeyboardFocus(true);
    action();
  };

  const items = virtualizer.getVirtualItems();
  const selectedIsRendered = items.some((item) => item.index === selectedIndex);

  return (
    <div
      ref={listboxRef}
      role="listbox"
      aria-label="Customers"
      tabIndex={0}
      aria-activedescendant={selectedIsRendered && selectedTenantId ? customerOptionId(selectedTenantId) : undefined}
      className={mergeClasses(styles.scroller, keyboardFocus && !selectedIsRendered && styles.focusRing)}
      onKeyDown={onKeyDown}
      onFocus={(event) => setKeyboardFocus(event.currentTarget.matches(':focus-visible'))}
      onBlur={() => setKeyboardFocus(false)}
      onMouseDown={() => setKeyboardFocus(false)}
    >
      <div role="presentation" className={styles.sizer} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const customer = customers[item.index];
          if (!customer) return null;
          const selected = item.index === selectedIndex;
          return (
            <CustomerRow
              key={item.key}
              customer={customer}
              index={item.index}
              setSize={customers.length}
              start={item.start}
              selected={selected}
              showFocus={keyboardFocus}
              access={accessByTenant[customer.tenantId]}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
