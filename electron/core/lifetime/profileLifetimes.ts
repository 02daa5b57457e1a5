import type { ProfileSummary } from '../../ipc/profiles';
import { summarize, type ProfileRecord, type ProfileStore } from '../profiles/profileStore';
import type { SettingsStore } from '../settings/settingsStore';
import { byUrgency } from './lifetime';

/** Profile summaries with their countdowns at the app's clock and the user's thresholds. */
export class ProfileLifetimes {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async summarize(profile: ProfileRecord): Promise<ProfileSummary> {
    return summarize(profile, this.now(), await this.settings.get());
  }

  /** Every profile in the order they were added (the app's profile picker keeps its order). */
  async summaries(): Promise<ProfileSummary[]> {
    const [profiles, settings] = await Promise.all([this.profiles.list(), this.settings.get()]);
    const now = this.now();
    return profiles.map((profile) => summarize(profile, now, settings));
  }

  /** Every profile, most urgent first (the tray, the CLI, the profiles panel). */
  async list(): Promise<ProfileSummary[]> {
    return (await this.summaries()).sort(byUrgency);
  }
}
