const STORAGE_KEY = 'data-scanner.api-key';

/** The API key lives only in sessionStorage: it is gone when the tab closes. */
export const sessionKey = {
  get(): string | null {
    try {
      return sessionStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  set(key: string): void {
    sessionStorage.setItem(STORAGE_KEY, key);
  },
  clear(): void {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage disabled: nothing was stored either
    }
  },
};
