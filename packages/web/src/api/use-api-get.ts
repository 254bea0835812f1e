import useSWR, { type SWRConfiguration, type SWRResponse } from 'swr';
import { useApi } from '../auth/api-context.tsx';
import type { Query } from './api-client.ts';
import type { ApiError } from './api-error.ts';

/**
 * Reads an API path with SWR: cached, deduplicated and, with `refreshInterval`, polled only
 * while the tab is visible. `path: null` pauses the request; a new `version` reads it again.
 */
export function useApiGet<T>(
  path: string | null,
  query: Query,
  map: (body: unknown) => T,
  options: SWRConfiguration<T, ApiError> = {},
  version = '',
): SWRResponse<T, ApiError> {
  const api = useApi();
  return useSWR<T, ApiError>(
    path === null ? null : [path, JSON.stringify(query), version],
    async () => map(await api.get(path as string, query)),
    { revalidateOnFocus: true, shouldRetryOnError: (e) => e.status >= 500 || e.status === 0, ...options },
  );
}
