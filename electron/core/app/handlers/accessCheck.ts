import { StartBudget } from '../rateLimit';
import type { HandlerGroup } from './types';

/** Access checks per profile within ten minutes: enough to re-run after a fix, not a token pump. */
export const ACCESS_CHECKS_PER_WINDOW = 5;
const WINDOW_MS = 10 * 60_000;

export const accessCheckHandlers: HandlerGroup<'accessCheck.run' | 'accessCheck.cancel' | 'accessCheck.last'> = ({
  accessCheck,
}) => {
  const budget = new StartBudget(
    ACCESS_CHECKS_PER_WINDOW,
    WINDOW_MS,
    (limit, minutes, wait) =>
      `Access was checked ${limit} times in the last ${minutes} minutes, each time with a token for every customer. Check again in ${wait} minute${wait === 1 ? '' : 's'}.`,
  );
  return {
    'accessCheck.run': (request) => {
      budget.take(request.profileId);
      return accessCheck.run(request);
    },
    'accessCheck.cancel': async () => accessCheck.cancel(),
    'accessCheck.last': ({ profileId }) => accessCheck.last(profileId),
  };
};
