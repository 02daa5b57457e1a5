import { summarize } from '../../profiles/profileStore';
import type { HandlerGroup } from './types';

export const consentHandlers: HandlerGroup<'consent.start' | 'consent.cancel'> = ({ consent }) => ({
  'consent.start': async (request) => summarize(await consent.start(request)),
  'consent.cancel': async () => consent.cancel(),
});
