import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/**
 * A long list that renders only the rows on screen (10,000 customers stay fast): rows of one fixed
 * height, a few more above and below for smooth scrolling. Put `scrollerRef` on the scrolling element.
 */
export function useVirtualRows(count: number, rowHeight: number, keyOf?: (index: number) => string | number) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    ...(keyOf ? { getItemKey: keyOf } : {}),
    overscan: 6,
  });
  return { scrollerRef, virtualizer };
}
