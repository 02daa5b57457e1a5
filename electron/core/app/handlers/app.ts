import { summarize } from '../../profiles/profileStore';
import type { HandlerGroup } from './types';

export const appHandlers: HandlerGroup<'app.state'> = ({ environment, profiles }, options) => ({
  'app.state': async () => ({
    cloud: { name: environment.cloud.displayName, loginHost: environment.cloud.loginHost },
    profiles: (await profiles.list()).map(summarize),
    suggestions: options.suggestions ?? {},
  }),
});
