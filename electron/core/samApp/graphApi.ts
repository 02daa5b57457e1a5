import type { CloudEndpoints } from '../../shared/cloud';
import { readJson, type HttpClient, type HttpResponse } from '../http/httpClient';
import { serviceErrorFrom, ServiceError } from '../http/serviceError';

export class NotSignedInToGraphError extends Error {
  constructor() {
    super('Sign in as a partner administrator first, so SAM Desk can read your app registrations.');
    this.name = 'NotSignedInToGraphError';
  }
}

/**
 * Microsoft Graph showed a new object (app, service principal, secret, grant) to none of SAM
 * Desk's reads within the wait: Graph replicates new directory objects with no documented delay
 * (https://learn.microsoft.com/graph/api/team-put-teams mentions replication 404s). Nothing was
 * lost: creation is idempotent, so trying again carries on from where it stopped.
 */
export class NotReplicatedError extends Error {
  constructor(what: string, waitedMs: number) {
    super(
      `Microsoft Graph has not shown the new ${what} yet (waited ${Math.round(waitedMs / 1000)} seconds). Nothing was lost or made twice: try again in a minute and SAM Desk carries on where it stopped.`,
    );
    this.name = 'NotReplicatedError';
  }
}

/** How long to wait for a new object to replicate: bounded, with backoff. */
export interface ReplicationPolicy {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** About half a minute in all: 1 + 2 + 4 + 8 + 8 + 8 s between seven reads. */
export const defaultReplicationPolicy: ReplicationPolicy = { attempts: 7, firstDelayMs: 1_000, maxDelayMs: 8_000 };

export type Sleep = (ms: number) => Promise<void>;

export interface GraphSession {
  accessToken: string;
  expiresAt: Date;
  user: string;
  tenantId: string;
}

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The write is idempotent (an upsert, a PATCH that sets values), so the HTTP client may resend it. */
  retrySafe?: boolean;
}

/**
 * Microsoft Graph v1.0 as the signed-in partner admin, for the wizard's few app-management calls:
 * errors become plain ServiceErrors, and reads of just-created objects wait out replication.
 */
export class GraphApi {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly session: () => GraphSession | undefined,
    private readonly now: () => Date,
    private readonly sleep: Sleep,
    private readonly replication: ReplicationPolicy,
  ) {}

  send(call: GraphCall): Promise<HttpResponse> {
    const session = this.session();
    if (!session || session.expiresAt <= this.now()) throw new NotSignedInToGraphError();
    return this.http.send({
      method: call.method,
      url: `${this.cloud.graphApi}/v1.0${call.path}`,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        accept: 'application/json',
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      retrySafe: call.retrySafe,
    });
  }

  /** The parsed answer of a 2xx (undefined for 204), or a ServiceError in words. */
  async call<T>(call: GraphCall): Promise<T> {
    return this.expectOk<T>(await this.send(call));
  }

  expectOk<T>(response: HttpResponse): T {
    if (response.status === 204) return undefined as T;
    const parsed = readJson<T>(response);
    if (response.status < 200 || response.status >= 300 || parsed === undefined) throw serviceErrorFrom('Microsoft Graph', response, this.now().getTime());
    return parsed;
  }

  /** A GET whose 404 means "not there (yet)". */
  async find<T>(path: string): Promise<T | undefined> {
    const response = await this.send({ method: 'GET', path });
    return response.status === 404 ? undefined : this.expectOk<T>(response);
  }

  /** Waits the backoff after a given attempt (1, 2, 4, 8, 8 … seconds by default); returns how long. */
  async backoff(attempt: number): Promise<number> {
    const delay = Math.min(this.replication.maxDelayMs, this.replication.firstDelayMs * 2 ** (attempt - 1));
    await this.sleep(delay);
    return delay;
  }

  /** Reads again, with backoff, until `read` finds the new object; bounded by the replication policy. */
  async untilReplicated<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const found = await read();
      if (found !== undefined) return found;
      if (attempt >= this.replication.attempts) throw new NotReplicatedError(what, waited);
      waited += await this.backoff(attempt);
    }
  }

  /**
   * A write that depends on an object created moments ago (a service principal for a new app, a
   * grant for a new service principal) fails until that object has replicated; it is sent again,
   * bounded, only for those refusals, which Graph gives before it writes anything.
   */
  async whileReplicating<T>(what: string, write: () => Promise<T>, isReplicationRefusal: (error: ServiceError) => boolean): Promise<T> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof ServiceError) || !isReplicationRefusal(error)) throw error;
        if (attempt >= this.replication.attempts) throw new NotReplicatedError(what, waited);
        waited += await this.backoff(attempt);
      }
    }
  }
}

/** Graph's "not replicated yet" refusals: 404 for the object itself, NoBackingApplicationObject for a new app's service principal. */
export function isReplicationRefusal(error: ServiceError): boolean {
  return error.status === 404 || (error.status === 400 && /does not reference a valid application object/i.test(error.message));
}

export const filter = (property: string, value: string) => `$filter=${encodeURIComponent(`${property} eq '${value.replace(/'/g, "''")}'`)}`;
