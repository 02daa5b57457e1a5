import type { HandlerGroup } from './types';

export const accessCheckHandlers: HandlerGroup<'accessCheck.run' | 'accessCheck.cancel' | 'accessCheck.last'> = ({
  accessCheck,
}) => ({
  'accessCheck.run': (request) => accessCheck.run(request),
  'accessCheck.cancel': async () => accessCheck.cancel(),
  'accessCheck.last': ({ profileId }) => accessCheck.last(profileId),
});
