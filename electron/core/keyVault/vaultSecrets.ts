import { rootCertificates } from 'node:tls';
import type { TokenCredential } from '@azure/core-auth';
import { SecretClient, type SecretProperties } from '@azure/keyvault-secrets';
import type { VaultSecretNames } from '../../ipc/keyVault';
import type { CloudEndpoints } from '../../shared/cloud';
import type { ExtraCa } from '../config/environment';
import { KeyVaultError, toKeyVaultError, type VaultErrorContext, type VaultOperation } from './keyVaultErrors';
import { secretContentTypes, type VaultSecretKind } from './secretNames';

/** One secret as the vault holds it now. */
export interface StoredSecret {
  value: string;
  properties: SecretProperties;
}

export interface WriteAttributes {
  tags: Record<string, string>;
  expiresOn: Date;
}

/**
 * Key Vault's recommended backoff for 429 is 1, 2, 4, 8, 16 s
 * (https://learn.microsoft.com/azure/key-vault/general/overview-throttling); the SDK only waits
 * when a Retry-After header is present, which real 429s may lack. SAM Desk waits the first three
 * steps inline; later ones belong to the background retry.
 */
const THROTTLE_BACKOFF_MS = [1_000, 2_000, 4_000];

/** Every request to a vault is bounded: one that never answers fails instead of holding a push forever. */
const REQUEST_TIMEOUT_MS = 30_000;
const bounded = { requestOptions: { timeout: REQUEST_TIMEOUT_MS } };

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The client for a vault, through Microsoft's `@azure/keyvault-secrets`. The simulated cloud
 * serves vaults under its own host, so only there the challenge's resource-host check is off;
 * the SDK still requires https and answers a challenge only from the vault's own origin.
 */
export function createSecretClient(vaultUrl: string, credential: TokenCredential, cloud: CloudEndpoints, extraCa?: ExtraCa): SecretClient {
  // The extra CA only for the custom cloud's own origin, as in http/httpClient.ts.
  const trustExtra = extraCa !== undefined && new URL(vaultUrl).origin === extraCa.origin;
  return new SecretClient(vaultUrl, credential, {
    disableChallengeResourceVerification: cloud.keyVault.pathBase !== undefined,
    ...(trustExtra ? { tlsOptions: { ca: [...rootCertificates, extraCa.pem] } } : {}),
    retryOptions: { maxRetries: 2 },
    userAgentOptions: { userAgentPrefix: 'SAMDesk' },
  });
}

/**
 * A profile's set of secrets in one vault, by kind (refresh token, app id, tenant id, client
 * secret) under the chosen names. Every failure leaves as a KeyVaultError in plain words.
 */
export class VaultSecrets {
  constructor(
    private readonly client: SecretClient,
    readonly names: VaultSecretNames,
    private readonly context: Omit<VaultErrorContext, 'operation' | 'secretName'>,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** The current version, or undefined when the vault has no such secret. */
  async read(kind: VaultSecretKind): Promise<StoredSecret | undefined> {
    try {
      const secret = await this.call('read', kind, () => this.client.getSecret(this.names[kind], bounded));
      return secret.value === undefined ? undefined : { value: secret.value, properties: secret.properties };
    } catch (error) {
      if (error instanceof KeyVaultError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** A new version ("If the named secret already exists, Azure Key Vault creates a new version"). */
  async write(kind: VaultSecretKind, value: string, attributes: WriteAttributes): Promise<SecretProperties> {
    const written = await this.call('write', kind, () =>
      this.client.setSecret(this.names[kind], value, {
        contentType: secretContentTypes[kind],
        tags: attributes.tags,
        expiresOn: attributes.expiresOn,
        ...bounded,
      }),
    );
    return written.properties;
  }

  /** New expiry and tags on the current version, without a new version (the value is unchanged). */
  async touch(kind: VaultSecretKind, version: string, attributes: WriteAttributes): Promise<void> {
    await this.call('write', kind, () => this.client.updateSecretProperties(this.names[kind], version, { tags: attributes.tags, expiresOn: attributes.expiresOn, ...bounded }));
  }

  /** Soft delete: the vault keeps it recoverable for its retention period. Absent secrets are fine. */
  async remove(kind: VaultSecretKind): Promise<void> {
    try {
      await this.call('delete', kind, () => this.client.beginDeleteSecret(this.names[kind], bounded));
    } catch (error) {
      if (error instanceof KeyVaultError && error.status === 404) return;
      throw error;
    }
  }

  /** Brings a soft-deleted secret back (after a 409); a secret that is not deleted is left alone. */
  async recover(kind: VaultSecretKind): Promise<void> {
    try {
      await this.call('recover', kind, async () => {
        const poller = await this.client.beginRecoverDeletedSecret(this.names[kind], { intervalInMs: 500, ...bounded });
        await poller.pollUntilDone();
      });
    } catch (error) {
      if (error instanceof KeyVaultError && error.status === 404) return;
      throw error;
    }
  }

  private async call<T>(operation: VaultOperation, kind: VaultSecretKind, work: () => Promise<T>): Promise<T> {
    const context = { ...this.context, operation, secretName: this.names[kind] };
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const failure = toKeyVaultError(error, context);
        const throttled = failure instanceof KeyVaultError && failure.status === 429;
        if (!throttled || attempt >= THROTTLE_BACKOFF_MS.length) throw failure;
        await this.sleep(THROTTLE_BACKOFF_MS[attempt]!);
      }
    }
  }
}
