import type { HandlerGroup } from './types';

export const probeHandlers: HandlerGroup<'probes.run' | 'probes.cancel' | 'probes.results'> = ({ probes }) => ({
  'probes.run': (request) => probes.run(request),
  'probes.cancel': async () => probes.cancel(),
  'probes.results': ({ profileId }) => probes.results(profileId),
});
