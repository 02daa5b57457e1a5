import type { HandlerGroup } from './types';
import { takeForBulk } from '../rateLimit';

export const probeHandlers: HandlerGroup<'probes.run' | 'probes.cancel' | 'probes.results'> = ({ probes, bulkMinting }) => ({
  'probes.run': (request) => {
    takeForBulk(bulkMinting, request);
    return probes.run(request);
  },
  'probes.cancel': async () => probes.cancel(),
  'probes.results': ({ profileId }) => probes.results(profileId),
});
