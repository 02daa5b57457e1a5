import { cloudBinding, namedClouds, sameBinding, type CloudBinding, type CloudEndpoints } from '../../shared/cloud';
import { displayText } from '../../ipc/displayText';
import type { StartupNotice } from '../../ipc/app';
import type { ProfileRecord } from './profileStore';

type Bound = Pick<ProfileRecord, 'name' | 'cloud' | 'boundTo'>;

/**
 * A profile's tokens are redeemed at, and sent to, the hosts of the cloud it was consented in and
 * no other: a changed SAMDESK_CLOUD leaves it alone. Thrown before anything leaves the keychain.
 */
export class OtherCloudError extends Error {
  constructor(
    readonly profileName: string,
    readonly profileCloud: string,
    readonly currentCloud: string,
  ) {
    super(`“${profileName}” belongs to ${profileCloud}, but SAM Desk is set to ${currentCloud}: its tokens were not used or sent.`);
    this.name = 'OtherCloudError';
  }

  readonly action = 'Start SAM Desk with the cloud this profile was consented in (unset SAMDESK_CLOUD for the public cloud), or connect the account again here.';
}

/** The recorded binding; a profile stored before bindings were recorded gets its named cloud's (a custom one has none). */
export function profileBinding(profile: Bound): CloudBinding | undefined {
  if (profile.boundTo) return profile.boundTo;
  const named = namedClouds[profile.cloud];
  return named ? cloudBinding(named) : undefined;
}

export function isInCloud(profile: Bound, cloud: CloudEndpoints): boolean {
  const binding = profileBinding(profile);
  return binding !== undefined && sameBinding(binding, cloudBinding(cloud));
}

/** Throws OtherCloudError unless the profile belongs to `cloud`. */
export function requireSameCloud(profile: Bound, cloud: CloudEndpoints): void {
  if (!isInCloud(profile, cloud)) throw new OtherCloudError(displayText(profile.name), describeProfileCloud(profile), describeCloud(cloud));
}

export function describeCloud(cloud: CloudEndpoints): string {
  return `${cloud.displayName} (${new URL(cloud.loginHost).host})`;
}

function describeProfileCloud(profile: Bound): string {
  const named = namedClouds[profile.cloud];
  const binding = profileBinding(profile);
  if (named && binding && sameBinding(binding, cloudBinding(named))) return describeCloud(named);
  return binding ? `a custom cloud (${new URL(binding.loginHost).host})` : 'a custom cloud SAM Desk did not record';
}

/** The window's message bar when profiles of another cloud are left alone (undefined when there are none). */
export function otherCloudNotice(profiles: Bound[], cloud: CloudEndpoints): StartupNotice | undefined {
  const elsewhere = profiles.filter((profile) => !isInCloud(profile, cloud));
  if (elsewhere.length === 0) return undefined;
  const clouds = [...new Set(elsewhere.map(describeProfileCloud))];
  const names = elsewhere.map((profile) => `“${displayText(profile.name)}”`).join(', ');
  return {
    title: elsewhere.length === 1 ? 'A profile of another cloud is left alone' : `${elsewhere.length} profiles of other clouds are left alone`,
    message: `${names} ${elsewhere.length === 1 ? 'belongs' : 'belong'} to ${clouds.join(' and ')}, but SAM Desk is set to ${describeCloud(cloud)}. Their tokens are not renewed, used or sent while it is.`,
    action: 'Start SAM Desk with that cloud again (unset SAMDESK_CLOUD for the public cloud) to use them.',
  };
}
