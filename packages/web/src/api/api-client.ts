import { ApiError } from './api-error.ts';

export type Query = Record<string, string | number | undefined | null>;

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

/** Talks to the Data Scanner v1 API with `Authorization: Bearer <key>`; non-2xx answers throw `ApiError`. */
export class ApiClient {
  readonly baseUrl: string;
  readonly #apiKey: string;
  readonly #onUnauthorized: (() => void) | undefined;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#onUnauthorized = options.onUnauthorized;
  }

  /** The absolute or origin-relative URL of an API path with its query string. */
  url(path: string, query: Query = {}): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  get<T = unknown>(path: string, query?: Query): Promise<T> {
    return this.#json<T>('GET', path, query);
  }

  post<T = unknown>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.#json<T>('POST', path, undefined, body, headers);
  }

  put<T = unknown>(path: string, body: unknown): Promise<T> {
    return this.#json<T>('PUT', path, undefined, body);
  }

  delete(path: string): Promise<unknown> {
    return this.#json('DELETE', path);
  }

  /** Fetches a file (exports, reports) with the key, since a plain link cannot carry it. */
  async download(path: string, query?: Query, fallbackName = 'download'): Promise<Download> {
    const res = await this.#send('GET', path, query);
    const disposition = res.headers.get('content-disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await res.blob(), filename: match?.[1] ? decodeURIComponent(match[1]) : fallbackName };
  }

  async #json<T>(
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await this.#send(method, path, query, body, headers);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async #send(
    method: string,
    path: string,
    query?: Query,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.url(path, query), {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.#apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network_error', `Cannot reach the API at ${this.baseUrl || 'this site'}.`);
    }
    if (res.ok) return res;
    const err = await ApiError.fromResponse(res);
    if (res.status === 401) this.#onUnauthorized?.();
    throw err;
  }
}
