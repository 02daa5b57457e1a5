import { useEffect, useState } from 'react';
import type { ClipboardCopy, ClipboardOutcome } from '../../../../electron/ipc/app';
import { samdesk } from '../../api';
import { useNow } from '../../hooks/useNow';

const outcomeText: Record<ClipboardOutcome, string> = {
  cleared: 'Clipboard cleared.',
  replaced: 'Clipboard left alone: it holds something you copied since.',
  superseded: 'A newer copy replaced this one on the clipboard.',
  unreadable: 'SAM Desk could not check the clipboard. Copy something else over it to remove the secret.',
};

/** "Clipboard clears in 28 s", counting down, then what main reported (it clears, focused or not). */
export function ClipboardCountdown({ clear }: { clear: ClipboardCopy }) {
  const now = useNow(1000);
  const [outcome, setOutcome] = useState<ClipboardOutcome>();
  useEffect(() => samdesk().on('clipboard.settled', ({ id, outcome: settled }) => id === clear.id && setOutcome(settled)), [clear.id]);
  if (outcome) return <>{outcomeText[outcome]}</>;
  const seconds = Math.max(0, Math.ceil((Date.parse(clear.clearsAt) - now) / 1000));
  return <>{`Clipboard clears in ${seconds} s`}</>;
}
