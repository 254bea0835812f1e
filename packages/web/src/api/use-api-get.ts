import useSWR, { type SWRConfiguration, type SWRResponse } from 'swr';
import { useApi } from '../auth/api-context.tsx';
import type { Http } from './api-client.ts';
import type { ApiError } from './api-error.ts';

/**
 * Reads from the API with SWR: cached, deduplicated and, with `refreshInterval`, polled only while
 * the tab is visible. `key` names the read (path and parameters); `null` pauses it.
 */
export function useApiGet<T>(
  key: readonly unknown[] | null,
  read: (http: Http) => Promise<T>,
  options: SWRConfiguration<T, ApiError> = {},
): SWRResponse<T, ApiError> {
  const api = useApi();
  return useSWR<T, ApiError>(key, () => read(api.http), {
    revalidateOnFocus: true,
    shouldRetryOnError: (e) => e.status >= 500 || e.status === 0,
    ...options,
  });
}
