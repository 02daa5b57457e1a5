/** One raw HTTPS request to the simulated cloud, trusting exactly its CA: no retries, a 15 s bound. */
import { request as httpsRequest } from 'node:https';

export interface SimReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON off the wire
  json: any;
}

export interface SimRequestOptions {
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
}

/** A form or JSON body with its content-type, as a client sends it. */
export function encodeRequest(options: SimRequestOptions): { headers: Record<string, string>; body?: string } {
  const headers: Record<string, string> = { ...options.headers };
  if (options.form) return { headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(options.form).toString() };
  if (options.json !== undefined) return { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(options.json) };
  return { headers };
}

export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function httpsExchange(ca: string, method: string, url: string, request: { headers?: Record<string, string>; body?: string }): Promise<SimReply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method, ca, headers: request.headers, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJsonOrUndefined(text) });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer within 15 s`)));
    req.on('error', reject);
    req.end(request.body);
  });
}
