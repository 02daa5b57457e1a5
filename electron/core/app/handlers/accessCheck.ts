import type { HandlerGroup } from './types';
import { takeForBulk } from '../rateLimit';

export const accessCheckHandlers: HandlerGroup<'accessCheck.run' | 'accessCheck.cancel' | 'accessCheck.last'> = ({ accessCheck, bulkMinting }) => ({
  'accessCheck.run': (request) => {
    takeForBulk(bulkMinting, request);
    return accessCheck.run(request);
  },
  'accessCheck.cancel': async () => accessCheck.cancel(),
  'accessCheck.last': ({ profileId }) => accessCheck.last(profileId),
});
