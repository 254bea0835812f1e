import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiClient } from '../api/api-client.ts';
import { sessionKey } from './session-key.ts';

/** What every page needs to reach the API. */
export interface ApiSession {
  api: ApiClient | null;
  baseUrl: string;
  /** Why the user was signed out (a 401), shown on the sign-in form. */
  notice: string | null;
  signIn(key: string): void;
  signOut(notice?: string): void;
}

const ApiContext = createContext<ApiSession | null>(null);

export const EXPIRED_NOTICE =
  'The server no longer accepts this API key (401). Sign in again with a valid key.';

/** Holds the API key (from sessionStorage) and the client built from it. */
export function ApiProvider({ baseUrl, children }: { baseUrl: string; children: ReactNode }) {
  const [key, setKey] = useState<string | null>(() => sessionKey.get());
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((why?: string) => {
    sessionKey.clear();
    setKey(null);
    setNotice(why ?? null);
  }, []);

  const signIn = useCallback((k: string) => {
    sessionKey.set(k);
    setNotice(null);
    setKey(k);
  }, []);

  const api = useMemo(
    () =>
      key ? new ApiClient({ baseUrl, apiKey: key, onUnauthorized: () => signOut(EXPIRED_NOTICE) }) : null,
    [baseUrl, key, signOut],
  );

  const value = useMemo(
    () => ({ api, baseUrl, notice, signIn, signOut }),
    [api, baseUrl, notice, signIn, signOut],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

/** The current session; throws outside `ApiProvider`. */
export function useApiSession(): ApiSession {
  const ctx = useContext(ApiContext);
  if (!ctx) throw new Error('useApiSession must be used inside <ApiProvider>');
  return ctx;
}

/** The signed-in client; pages under `RequireSignIn` can rely on it. */
export function useApi(): ApiClient {
  const { api } = useApiSession();
  if (!api) throw new Error('Not signed in');
  return api;
}
