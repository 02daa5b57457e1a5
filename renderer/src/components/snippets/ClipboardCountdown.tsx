import { useEffect, useState } from 'react';
import type { ClearOutcome, ScheduledClear } from '../../clipboard';
import { useNow } from '../../hooks/useNow';

const outcomeText: Record<ClearOutcome, string> = {
  cleared: 'Clipboard cleared.',
  replaced: 'Clipboard left alone: it holds something you copied since.',
  superseded: 'A newer snippet replaced this one on the clipboard.',
  unreadable: 'SAM Desk could not check the clipboard. Copy something else over the snippet to remove the token.',
};

/** "Clipboard clears in 28 s", counting down, then what happened. */
export function ClipboardCountdown({ clear }: { clear: ScheduledClear }) {
  const now = useNow(1000);
  const [outcome, setOutcome] = useState<ClearOutcome>();
  useEffect(() => {
    let live = true;
    void clear.done.then((result) => live && setOutcome(result));
    return () => {
      live = false;
    };
  }, [clear]);
  if (outcome) return <>{outcomeText[outcome]}</>;
  const seconds = Math.max(0, Math.ceil((clear.clearsAt - now) / 1000));
  return <>{`Clipboard clears in ${seconds} s`}</>;
}
