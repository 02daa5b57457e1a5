import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, type RefObject, memo, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { CustomerTenant } from '../../../electron/ipc/customers';
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

/** Rows rendered above and below the visible ones, so that scrolling shows no gap. */
const OVERSCAN = 4;

/**
 * A virtualized single-select listbox: only the visible rows exist in the DOM (smooth at 10,000
 * customers). Every row has the same height, so which rows are visible is arithmetic on the
 * scroll position, whatever the list's length. Focus stays on the listbox and
 * aria-activedescendant names the selected row.
 */
export const CustomerListbox = memo(function CustomerListbox({
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
  const { scrollTop, viewportHeight } = useScrollWindow(listboxRef);
  const totalHeight = customers.length * CUSTOMER_ROW_HEIGHT;
  // The list may just have become shorter than where it was scrolled to: the browser clamps too.
  const top = Math.max(0, Math.min(scrollTop, totalHeight - viewportHeight));
  const firstRow = Math.max(0, Math.floor(top / CUSTOMER_ROW_HEIGHT) - OVERSCAN);
  const endRow = Math.min(customers.length, Math.ceil((top + viewportHeight) / CUSTOMER_ROW_HEIGHT) + OVERSCAN);

  const selectedIndex = useMemo(
    () => (selectedTenantId ? customers.findIndex((customer) => customer.tenantId === selectedTenantId) : -1),
    [customers, selectedTenantId],
  );

  // The selected row scrolls into view, by as little as it takes.
  useEffect(() => {
    const scroller = listboxRef.current;
    if (selectedIndex < 0 || !scroller) return;
    const rowTop = selectedIndex * CUSTOMER_ROW_HEIGHT;
    if (rowTop < scroller.scrollTop) scroller.scrollTop = rowTop;
    else if (rowTop + CUSTOMER_ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = rowTop + CUSTOMER_ROW_HEIGHT - scroller.clientHeight;
  }, [selectedIndex, listboxRef]);

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

  const selectedIsRendered = selectedIndex >= firstRow && selectedIndex < endRow;
  const rows: CustomerTenant[] = customers.slice(firstRow, endRow);

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
      <div role="presentation" className={styles.sizer} style={{ height: `${totalHeight}px` }}>
        {rows.map((customer, offset) => {
          const index = firstRow + offset;
          const selected = index === selectedIndex;
          return (
            <CustomerRow
              key={customer.tenantId}
              customer={customer}
              index={index}
              setSize={customers.length}
              start={index * CUSTOMER_ROW_HEIGHT}
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
});

/** The scroller's scroll position and height, as state: what decides which rows to render. */
function useScrollWindow(scrollerRef: RefObject<HTMLDivElement | null>): { scrollTop: number; viewportHeight: number } {
  const [scrollTop, setScrollTop] = useState(0);
  // Until measured, as tall as a large window: enough rows are rendered for the first paint.
  const [viewportHeight, setViewportHeight] = useState(1200);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => setViewportHeight(scroller.clientHeight);
    const onScroll = () => setScrollTop(scroller.scrollTop);
    measure();
    onScroll();
    const resize = new ResizeObserver(measure);
    resize.observe(scroller);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resize.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scrollerRef]);
  return { scrollTop, viewportHeight };
}
