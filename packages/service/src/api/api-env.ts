import type { Logger } from '../log.ts';
import type { ApiStore, Principal } from './ports.ts';

/** JWT verification settings: a shared secret (HS256) or a JWKS URL. */
export interface JwtConfig {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Claim holding the tenant name. @default 'tenant' */
  tenantClaim?: string;
}

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

/** The ports and settings `createApp` receives. */
export interface ApiDeps {
  store: ApiStore;
  config: ApiConfig;
  logger: Logger;
}

/** Hono environment of the API: per-request values set by middleware. */
export type ApiEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal;
  };
};
