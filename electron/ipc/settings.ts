/** User settings: the schema is also the on-disk format (settingsStore.ts). */
import { z } from 'zod';

/** User settings; every field has a default, so an older settings file still reads. */
export const settingsSchema = z.object({
  /** A refresh token with this many days or fewer left is shown as a warning. */
  warningDays: z.number().int('Whole days only.').min(1, 'Warn at least 1 day ahead.').max(89, 'Warn at most 89 days ahead.'),
  criticalDays: z.number().int('Whole days only.').min(1, 'Critical starts at least 1 day ahead.').max(88, 'Critical starts at most 88 days ahead.'),
  /** Renew a refresh token once this many days have passed since it was last used. */
  renewAfterDays: z.number().int('Whole days only.').min(1, 'Renew after at least 1 day.').max(80, 'Renew after at most 80 days, well before the 90-day limit.'),
  autoRenew: z.boolean(),
  startAtLogin: z.boolean(),
  clipboardClearSeconds: z.number().int('Whole seconds only.').min(0, 'Use 0 to never clear.').max(3600, 'Clear within an hour at most.'),
  notifications: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;
