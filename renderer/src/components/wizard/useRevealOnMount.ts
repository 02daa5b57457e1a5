import { useEffect, useRef } from 'react';

/**
 * Scrolls what just appeared (a device code, an app found again) into view in a small window.
 * The wizard's scroll padding keeps it clear of the sticky footer. In a block: Chromium's
 * scrollIntoView now returns a promise, which React would take for an effect's cleanup.
 */
export function useRevealOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return ref;
}
