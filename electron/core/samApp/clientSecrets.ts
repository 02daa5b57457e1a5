import { NetworkError } from '../http/httpClient';
import { ServiceError } from '../http/serviceError';
import { samAppSecretAccount } from '../identity/consent';
import type { SecretVault } from '../vault/secretVault';
import { filter, NotReplicatedError, type GraphApi } from './graphApi';
import { SECRET_WARNING_DAYS, type GraphApplication } from '../../shared/samAppChecks';

export interface NewSecret {
  text: string;
  expiresAt: string;
  keyId: string;
}

/** What SAM Desk names the secrets it adds, so one whose answer was lost can be found again. */
export const SECRET_NAME = 'SAM Desk';
const SECRET_LIFETIME_MS = 730 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** A secret Graph dated this much before our request still counts as ours (clocks differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;
const ATTEMPTS = 3;

/** No answer, or a server error: Graph may have made the secret anyway. */
const mayHaveCommitted = (error: unknown) => error instanceof NetworkError || (error instanceof ServiceError && error.status >= 500);
/** Graph does not know the (just-created) app yet: nothing was written. */
const notYetKnown = (error: unknown) => error instanceof ServiceError && error.status === 404;

/**
 * The SAM app's client secrets through Graph (addPassword is not idempotent, and Graph shows a
 * secret's value only in its answer): each added secret goes straight into the keychain, and one
 * whose answer was lost is found by name and time and removed before another is added, so the app
 * ends with one new secret and the keychain holds its value.
 */
export class ClientSecrets {
  constructor(
    private readonly graph: GraphApi,
    private readonly vault: SecretVault,
    private readonly now: () => Date,
  ) {}

  /** The keychain's secret for the app while it still belongs to the app and lasts 30 days more. */
  async stored(app: GraphApplication): Promise<string | undefined> {
    const secret = await this.vault.get(samAppSecretAccount(app.appId));
    if (!secret) return undefined;
    const lastsUntil = this.now().getTime() + SECRET_WARNING_DAYS * DAY_MS;
    const belongs = (app.passwordCredentials ?? []).some((credential) => credential.hint && secret.startsWith(credential.hint) && Date.parse(credential.endDateTime ?? '') > lastsUntil);
    return belongs ? secret : undefined;
  }

  async add(app: GraphApplication): Promise<NewSecret> {
    const before = new Set((app.passwordCredentials ?? []).map((credential) => credential.keyId));
    for (let attempt = 1; ; attempt++) {
      const startedAt = this.now().getTime();
      try {
        return await this.addOnce(app);
      } catch (error) {
        if (attempt >= ATTEMPTS || !(mayHaveCommitted(error) || notYetKnown(error))) throw error;
        if (mayHaveCommitted(error)) await this.removeLost(app, before, startedAt);
        else await this.graph.backoff(attempt);
      }
    }
  }

  private async addOnce(app: GraphApplication): Promise<NewSecret> {
    const endDateTime = new Date(this.now().getTime() + SECRET_LIFETIME_MS).toISOString();
    const credential = await this.graph.call<{ secretText: string; endDateTime: string; keyId: string }>({
      method: 'POST',
      path: `/applications/${encodeURIComponent(app.id)}/addPassword`,
      body: { passwordCredential: { displayName: SECRET_NAME, endDateTime } },
    });
    try {
      // Into the keychain at once: Graph shows a secret only this one time.
      await this.vault.set(samAppSecretAccount(app.appId), credential.secretText);
    } catch (error) {
      // A secret nobody holds is useless; take it back (best effort) and say why.
      await this.remove(app, credential.keyId).catch(() => undefined);
      throw error;
    }
    return { text: credential.secretText, expiresAt: credential.endDateTime, keyId: credential.keyId };
  }

  /**
   * Removes the secret a lost answer made: named by SAM Desk, new since this attempt began, not
   * there before. It may show only after replication; if none shows within the wait, none was made.
   */
  private async removeLost(app: GraphApplication, before: Set<string | undefined>, startedAt: number): Promise<void> {
    const lost = await this.graph
      .untilReplicated('lost secret', async () => {
        const page = await this.graph.call<{ value?: GraphApplication[] }>({ method: 'GET', path: `/applications?${filter('appId', app.appId)}` });
        const found = (page.value?.[0]?.passwordCredentials ?? []).filter(
          (credential) =>
            credential.displayName === SECRET_NAME && !before.has(credential.keyId) && Date.parse(credential.startDateTime ?? '') >= startedAt - CLOCK_SKEW_MS,
        );
        return found.length > 0 ? found : undefined;
      })
      .catch((error: unknown) => {
        if (error instanceof NotReplicatedError) return [];
        throw error;
      });
    for (const credential of lost) if (credential.keyId) await this.remove(app, credential.keyId);
  }

  /** removePassword (https://learn.microsoft.com/graph/api/application-removepassword); one already gone is fine. */
  private async remove(app: GraphApplication, keyId: string): Promise<void> {
    const response = await this.graph.send({ method: 'POST', path: `/applications/${encodeURIComponent(app.id)}/removePassword`, body: { keyId }, retrySafe: true });
    if (response.status === 400 || response.status === 404) return;
    this.graph.expectOk(response);
  }
}
