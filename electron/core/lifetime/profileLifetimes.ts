import type { ProfileSummary } from '../../ipc/profiles';
import { summarize, type ProfileRecord, type ProfileStore } from '../profiles/profileStore';
import type { SettingsStore } from '../settings/settingsStore';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { byUrgency } from './lifetime';

/**
 * Profile summaries with their countdowns at the app's clock and the user's thresholds, and
 * whether the keychain holds each refresh token: what the window shows is what is stored.
 */
export class ProfileLifetimes {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly settings: SettingsStore,
    private readonly keychain: SecretVault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async summarize(profile: ProfileRecord): Promise<ProfileSummary> {
    const [settings, hasRefreshToken] = await Promise.all([this.settings.get(), this.hasRefreshToken(profile.id)]);
    return summarize(profile, this.now(), settings, { hasRefreshToken });
  }

  /** Every profile in the order they were added (the app's profile picker keeps its order). */
  async summaries(): Promise<ProfileSummary[]> {
    const [profiles, settings] = await Promise.all([this.profiles.list(), this.settings.get()]);
    const stored = await Promise.all(profiles.map((profile) => this.hasRefreshToken(profile.id)));
    const now = this.now();
    return profiles.map((profile, index) => summarize(profile, now, settings, { hasRefreshToken: stored[index] }));
  }

  /** Every profile, most urgent first (the tray, the CLI, the profiles panel). */
  async list(): Promise<ProfileSummary[]> {
    return (await this.summaries()).sort(byUrgency);
  }

  /**
   * Looks without taking: the token stays in the keychain. A keychain that does not answer is
   * not an absent token (the redemption that needs it reports the keychain's own error).
   */
  private async hasRefreshToken(profileId: string): Promise<boolean> {
    try {
      return (await this.keychain.get(vaultAccounts.refreshToken(profileId))) !== null;
    } catch {
      return true;
    }
  }
}
