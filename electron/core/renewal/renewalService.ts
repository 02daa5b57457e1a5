import type { RenewalResult } from '../../ipc/profiles';
import { toUserFacingError } from '../app/userFacingError';
import { MicrosoftIdentityError } from '../identity/aadsts';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { needsInteractiveSignIn } from '../identity/deadToken';
import { DAY_MS, learnHardLimits } from '../lifetime/lifetime';
import type { ProfileLifetimes } from '../lifetime/profileLifetimes';
import type { ProfileRecord, ProfileStore } from '../profiles/profileStore';
import type { SettingsStore } from '../settings/settingsStore';
import { isInCloud, OtherCloudError } from '../profiles/cloudBinding';

/**
 * Keep-alive: redeems a profile's refresh token before it lapses, so the 90-day inactivity clock
 * starts again. The redemption is for Partner Center in the partner's own tenant, which every SAM
 * consent can reach. The keeper stores the rotated token (keychain first, then metadata); a failed
 * renewal writes nothing to the keychain, so the last good token stays, and only the failure is
 * recorded on the profile.
 */
export class RenewalService {
  private readonly inFlight = new Map<string, Promise<RenewalResult>>();

  constructor(
    private readonly keeper: RefreshTokenKeeper,
    private readonly profiles: ProfileStore,
    private readonly lifetimes: ProfileLifetimes,
    private readonly settings: SettingsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Renews one profile now. A second call while one runs joins it: one token request, one answer. */
  renew(profileId: string): Promise<RenewalResult> {
    const running = this.inFlight.get(profileId);
    if (running) return running;
    const renewal = this.renewOnce(profileId).finally(() => this.inFlight.delete(profileId));
    this.inFlight.set(profileId, renewal);
    return renewal;
  }

  async renewAll(): Promise<RenewalResult[]> {
    const profiles = await this.profiles.list();
    return Promise.all(profiles.map((profile) => this.renew(profile.id)));
  }

  /** Renews the profiles not redeemed for `renewAfterDays` (when automatic renewal is on). */
  async renewDue(): Promise<RenewalResult[]> {
    const settings = await this.settings.get();
    if (!settings.autoRenew) return [];
    // A profile of another cloud is left alone (the window says so); it is not due here.
    const due = (await this.profiles.list()).filter((profile) => isInCloud(profile, this.keeper.cloud) && isDue(profile, this.now(), settings.renewAfterDays));
    return Promise.all(due.map((profile) => this.renew(profile.id)));
  }

  private async renewOnce(profileId: string): Promise<RenewalResult> {
    let profile: ProfileRecord;
    try {
      profile = await this.keeper.profile(profileId);
    } catch (error) {
      if (!(error instanceof OtherCloudError)) throw error;
      // Nothing was sent, and it is not the profile's failure: nothing is recorded on it.
      const record = (await this.profiles.get(profileId))!;
      return { profile: await this.lifetimes.summarize(record), renewed: false, error: toUserFacingError(error) };
    }
    try {
      await this.keeper.redeem(profile.id, profile.partnerTenantId, 'partnercenter');
      return { profile: await this.lifetimes.summarize(await this.keeper.profile(profileId)), renewed: true };
    } catch (error) {
      const facing = toUserFacingError(error);
      const code = facing.code ?? facing.kind;
      const at = this.now().toISOString();
      const description = error instanceof MicrosoftIdentityError ? error.description : undefined;
      const updated = await this.profiles.update((profiles) =>
        profiles.map((candidate) =>
          candidate.id === profileId
            ? {
                ...candidate,
                lastRenewalFailure: { code, at, message: facing.message, ...(facing.action ? { action: facing.action } : {}) },
                hardLimits: learnHardLimits(candidate.hardLimits, code, description),
              }
            : candidate,
        ),
      );
      const record = updated.find((candidate) => candidate.id === profileId) ?? profile;
      return { profile: await this.lifetimes.summarize(record), renewed: false, error: facing };
    }
  }
}

/**
 * Due for keep-alive: last redeemed `renewAfterDays` or more ago, and not already known dead
 * (retrying a revoked or expired token, or one that needs MFA, every hour changes nothing; an interactive sign-in does).
 */
export function isDue(profile: Pick<ProfileRecord, 'lastRedeemedAt' | 'lastRenewalFailure'>, now: Date, renewAfterDays: number): boolean {
  const failure = profile.lastRenewalFailure;
  if (failure && needsInteractiveSignIn(failure.code) && Date.parse(failure.at) >= Date.parse(profile.lastRedeemedAt)) return false;
  return now.getTime() - Date.parse(profile.lastRedeemedAt) >= renewAfterDays * DAY_MS;
}
