import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpClient, HttpResponse } from '../http/httpClient';

/** Lets MSAL use SAM Desk's HTTP client, so it trusts the same CA and retries the same way. */
export function msalNetworkModule(http: HttpClient): INetworkModule {
  const convert = <T>(response: HttpResponse): NetworkResponse<T> => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    let body: unknown = {};
    try {
      body = JSON.parse(response.body);
    } catch {
      // MSAL reports a non-JSON body as a server error on its own.
    }
    return { headers, body: body as T, status: response.status };
  };
  return {
    async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
      return convert<T>(await http.send({ method: 'GET', url, headers: options?.headers }));
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
      return convert<T>(await http.send({ method: 'POST', url, headers: options?.headers, body: options?.body }));
    },
  };
}
