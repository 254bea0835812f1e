import type { Config, JwtConfig } from '../config.ts';
import type { ScanCostModel } from '../estimate/scan-cost-model.ts';
import type { Logger } from '../log.ts';
import type { ChannelName } from '../notify/channel.ts';
import type { PgNotificationSettings } from '../notify/notification-settings.ts';
import type { Cache } from '../ports/cache.ts';
import type { JobEvents } from '../ports/job-events.ts';
import type { ObjectSource } from '../ports/object-source.ts';
import type { RateLimiter, RateRule } from '../ports/rate-limiter.ts';
import type { WatchStore } from '../ports/watch-store.ts';
import type { ReportsDeps } from '../reports/index.ts';
import type { PgScheduleStore } from '../schedules/schedules-repository.ts';
import type { PgCustomDetectorStore } from '../store/custom-detector-store.ts';
import type { PgExposureStore } from '../store/exposure-store.ts';
import type { PgExposureTriage } from '../store/exposure-triage.ts';
import type { ApiKeyCache } from './auth/api-key-cache.ts';
import type { KeyUsage } from './auth/key-usage.ts';
import type { EndedJobViews } from './ended-job-views.ts';
import type { ApiStore, Principal } from './ports.ts';

export type { JwtConfig } from '../config.ts';

/** What the API needs to know about its deployment. */
export interface ApiConfig {
  /** S3 buckets tenants may scan; empty means S3 sources are refused. */
  s3Buckets: readonly string[];
  /** Absolute folders `file://` sources must sit under; empty means `file://` is refused. */
  fileRoots: readonly string[];
  /** Largest accepted request body in bytes. @default 65536 */
  bodyLimitBytes?: number;
  jwt?: JwtConfig;
  /** Browser origins allowed to call the API cross-origin (CORS). @default none: same origin only */
  corsOrigins?: readonly string[];
}

/** The API's settings from the service configuration: `config.api` and, as `fileRoots`, the worker's local roots. */
export function apiConfigFrom(config: Pick<Config, 'api' | 'sources'>): ApiConfig {
  const { s3Buckets, bodyLimitBytes, corsOrigins, jwt } = config.api;
  return {
    s3Buckets,
    fileRoots: config.sources.roots,
    ...(bodyLimitBytes ? { bodyLimitBytes } : {}),
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    ...(jwt ? { jwt } : {}),
  };
}

/** The API's request limits (`Config['rateLimit']` and the limiter of the shared state). */
export interface ApiRateLimit {
  limiter: RateLimiter;
  /** Per client address, before authentication; null: off. */
  perIp: RateRule | null;
  /** Per API key (JWT callers: per tenant), after authentication; null: off. */
  perKey: RateRule | null;
  /** Take the client address from the right-most X-Forwarded-For entry. */
  trustProxy: boolean;
}

/** The ports and settings `createApp` receives. */
export interface ApiDeps {
  store: ApiStore;
  config: ApiConfig;
  logger: Logger;
  /** Recurring scans (`/schedules`). @default - absent: the routes answer 404 */
  schedules?: PgScheduleStore;
  /** Scan on upload (`/watches`). @default - absent: the routes answer 404 */
  watches?: WatchStore;
  /** Each tenant's own detectors (`/detectors`). @default - absent: the routes answer 404 and `POST /scan` knows built-ins only */
  customDetectors?: PgCustomDetectorStore;
  /** Notification settings (`/settings/notifications`). @default - absent: the routes answer 404 */
  notifications?: { settings: PgNotificationSettings; channelsAvailable: readonly ChannelName[] };
  /** PDF reports and exports (`/jobs/{id}/report.pdf`, `/jobs/{id}/export`). @default - absent: not served */
  reports?: ReportsDeps;
  /**
   * Exposures across jobs (`/findings`, `/baselines`); `fingerprintKey` checks imported baselines.
   * @default - absent: the routes answer 404
   */
  exposures?: { store: PgExposureStore; triage: PgExposureTriage; fingerprintKey?: () => Promise<string> };
  /** Request limits per client address and per caller (429). @default - absent: no limits */
  rateLimit?: ApiRateLimit;
  /** Shared short-lived copies of `GET /jobs/{id}` (Redis). @default - absent: every read goes to the store */
  cache?: Cache;
  /** In-process views of ended jobs for `GET /jobs/{id}`. @default - absent: every read goes to the cache or store */
  endedJobs?: EndedJobViews;
  /** Job change notifications for `GET /jobs/{id}?wait=`. @default - in-process: a wait re-reads every 2 s */
  jobEvents?: JobEvents;
  /** In-process API key lookups. @default - absent: every request looks its key up in `store` */
  keyCache?: ApiKeyCache;
  /** Where API key uses are noted (`last_used_at`). @default - one made by `createApp` over `store` */
  keyUsage?: KeyUsage;
  /** Sources and prices for `POST /scan/estimate`. @default - absent: the route answers 404 */
  estimates?: {
    openSource(uri: string): Promise<ObjectSource>;
    costModel: ScanCostModel;
    /** Entries listed at most per estimate. @default 1000000 */
    maxObjects?: number;
  };
}

/** Hono environment of the API: per-request values set by middleware. */
export type ApiEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal;
  };
};
