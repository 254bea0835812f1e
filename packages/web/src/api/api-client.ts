import createClient, { type Client } from 'openapi-fetch';
import { ApiError } from './api-error.ts';
import type { paths } from './openapi.ts';

/** The typed HTTP client of the v1 API: paths, parameters, bodies and answers come from the contract. */
export type Http = Client<paths>;

export interface ApiClientOptions {
  /** Prefix for every API path: `''` for the same origin, `/api` behind CloudFront, or a full URL. */
  baseUrl: string;
  apiKey: string;
  /** Called when the server answers 401, after which the key is useless. */
  onUnauthorized?: () => void;
}

/** A file the server sent for download. */
export interface Download {
  blob: Blob;
  filename: string;
}

/** Talks to the Data Scanner v1 API with `Authorization: Bearer <key>`. */
export class ApiClient {
  readonly baseUrl: string;
  /** Typed calls, e.g. `ok(api.http.GET('/jobs/{job_id}', {params: {path: {job_id}}}))`. */
  readonly http: Http;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.http = createClient<paths>({
      baseUrl: this.baseUrl,
      headers: { accept: 'application/json', authorization: `Bearer ${options.apiKey}` },
    });
    this.http.use({
      onError: () =>
        new ApiError(0, 'network_error', `Cannot reach the API at ${this.baseUrl || 'this site'}.`),
      onResponse: ({ response }) => {
        if (response.status === 401) options.onUnauthorized?.();
      },
    });
  }
}

/** The body of a 2xx answer; any other answer throws `ApiError`. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.fromBody(response.status, error);
  return data as T;
}

/** A file fetched with `parseAs: 'blob'`, named as the server's `Content-Disposition` says. */
export async function download(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<Download> {
  const blob = (await ok(call)) as Blob;
  const disposition = (await call).response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob, filename: match?.[1] ? decodeURIComponent(match[1]) : fallbackName };
}
