/** Settings read when the page loads. */
export interface RuntimeConfig {
  /** Prefix for API calls: `''` (same origin), `/api` (CloudFront profile) or a full URL. */
  apiBaseUrl: string;
}

/**
 * Resolves the API base URL, first match wins:
 * 1. `config.json` next to `index.html` (`{"apiBaseUrl": "/api"}`), written at deploy time;
 * 2. `VITE_API_BASE_URL` at build time;
 * 3. `''`: the API on the same origin, as `npm start` serves it.
 */
export async function loadRuntimeConfig(configUrl = './config.json'): Promise<RuntimeConfig> {
  const fallback = import.meta.env?.VITE_API_BASE_URL ?? '';
  try {
    const res = await fetch(configUrl, { cache: 'no-store' });
    if (res.ok) {
      const body = (await res.json()) as { apiBaseUrl?: unknown };
      if (typeof body.apiBaseUrl === 'string') return { apiBaseUrl: body.apiBaseUrl || fallback };
    }
  } catch {
    // A missing or malformed config.json means "use the build-time default".
  }
  return { apiBaseUrl: fallback };
}
