import path from 'node:path';

/** Thrown when the environment holds bad values; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** The resolved, typed configuration of every role. */
export interface Config {
  logLevel: string;
  database: {
    /** `DATABASE_URL`; when unset an embedded server runs with data under `dataDir`. */
    url: string | undefined;
    /** `DATA_SCANNER_DATA_DIR` @default `.data` (relative to the working directory) */
    dataDir: string;
    /** `DATA_SCANNER_EMBEDDED_PG_PORT` @default 54329 */
    embeddedPort: number;
    /** `DATABASE_POOL_MAX` @default 10 */
    poolMax: number;
  };
  sources: {
    /** `DATA_SCANNER_LOCAL_ROOTS`, colon-separated absolute paths. @default none: local scans refused */
    roots: string[];
    s3: {
      /** `AWS_REGION` / `AWS_DEFAULT_REGION` @default us-east-1 */
      region: string;
      /** `DATA_SCANNER_S3_ENDPOINT`, `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` */
      endpoint: string | undefined;
      /** `DATA_SCANNER_S3_FORCE_PATH_STYLE` @default true when an endpoint is set */
      forcePathStyle: boolean;
    };
  };
  queue: {
    /** `QUEUE_KIND` @default `sqs` when `SCAN_QUEUE_URL` is set, else `postgres` */
    kind: 'postgres' | 'sqs';
    /** `SCAN_QUEUE_NAME` (PostgreSQL queue) @default scan */
    name: string;
    /** `SCAN_QUEUE_URL` (SQS) */
    url: string | undefined;
    /** `SCAN_DLQ_URL` (SQS dead-letter queue) */
    dlqUrl: string | undefined;
    /** `SQS_ENDPOINT` / `AWS_ENDPOINT_URL_SQS` / `AWS_ENDPOINT_URL` */
    sqsEndpoint: string | undefined;
    /** `QUEUE_VISIBILITY_TIMEOUT_SECONDS` @default 120 */
    visibilityTimeoutSeconds: number;
    /** `QUEUE_MAX_RECEIVES`: deliveries before a message is dead-lettered. @default 5 */
    maxReceives: number;
    /** `QUEUE_WAIT_SECONDS`: long-poll wait. @default 10 */
    waitSeconds: number;
  };
  worker: {
    /** `WORKER_CONCURRENCY`: objects scanned at once per process. @default 4 */
    concurrency: number;
    /** `WORKER_SHARD_MAX_OBJECTS` @default 200 */
    shardMaxObjects: number;
    /** `WORKER_SHARD_MAX_BYTES` @default 268435456 (256 MiB) */
    shardMaxBytes: number;
    /** `WORKER_DRAIN_SECONDS`: SIGTERM grace before in-flight messages are released. @default 100 */
    drainSeconds: number;
  };
  api: {
    /** `HOST` @default 0.0.0.0 */
    host: string;
    /** `PORT` @default 4000 */
    port: number;
  };
  /** `FINGERPRINT_KEY`: HMAC key for finding fingerprints. Never logged. */
  fingerprintKey: string | undefined;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, problems: string[], min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got ${JSON.stringify(env[name])})`);
  return fallback;
}

function url(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    new URL(raw);
    return raw;
  } catch {
    problems.push(`${name} must be a URL`);
    return undefined;
  }
}

/** Reads and checks the environment; throws one ConfigError naming every bad value. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const databaseUrl = url(env, 'DATABASE_URL', problems);
  if (databaseUrl && !/^postgres(ql)?:/.test(databaseUrl))
    problems.push('DATABASE_URL must start with postgres://');
  const roots = (env.DATA_SCANNER_LOCAL_ROOTS ?? '').split(':').filter((r) => r !== '');
  for (const root of roots) {
    if (!path.isAbsolute(root))
      problems.push(`DATA_SCANNER_LOCAL_ROOTS entry ${JSON.stringify(root)} must be absolute`);
  }
  const s3Endpoint =
    url(env, 'DATA_SCANNER_S3_ENDPOINT', problems) ??
    url(env, 'AWS_ENDPOINT_URL_S3', problems) ??
    url(env, 'AWS_ENDPOINT_URL', problems);
  const queueUrl = url(env, 'SCAN_QUEUE_URL', problems);
  const kind = env.QUEUE_KIND ?? (queueUrl ? 'sqs' : 'postgres');
  if (kind !== 'postgres' && kind !== 'sqs')
    problems.push(`QUEUE_KIND must be postgres or sqs (got ${kind})`);
  if (kind === 'sqs' && !queueUrl) problems.push('QUEUE_KIND=sqs needs SCAN_QUEUE_URL');
  const visibility = int(env, 'QUEUE_VISIBILITY_TIMEOUT_SECONDS', 120, problems, 1);
  if (visibility > 43_200)
    problems.push('QUEUE_VISIBILITY_TIMEOUT_SECONDS must be at most 43200 (SQS limit)');
  const waitSeconds = int(env, 'QUEUE_WAIT_SECONDS', 10, problems);
  if (waitSeconds > 20) problems.push('QUEUE_WAIT_SECONDS must be at most 20 (SQS limit)');
  const config: Config = {
    logLevel: env.LOG_LEVEL ?? 'info',
    database: {
      url: databaseUrl,
      dataDir: path.resolve(env.DATA_SCANNER_DATA_DIR ?? '.data'),
      embeddedPort: int(env, 'DATA_SCANNER_EMBEDDED_PG_PORT', 54329, problems, 1),
      poolMax: int(env, 'DATABASE_POOL_MAX', 10, problems, 1),
    },
    sources: {
      roots,
      s3: {
        region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
        endpoint: s3Endpoint,
        forcePathStyle: bool(env, 'DATA_SCANNER_S3_FORCE_PATH_STYLE', s3Endpoint !== undefined, problems),
      },
    },
    queue: {
      kind: kind === 'sqs' ? 'sqs' : 'postgres',
      name: env.SCAN_QUEUE_NAME ?? 'scan',
      url: queueUrl,
      dlqUrl: url(env, 'SCAN_DLQ_URL', problems),
      sqsEndpoint:
        url(env, 'SQS_ENDPOINT', problems) ??
        url(env, 'AWS_ENDPOINT_URL_SQS', problems) ??
        url(env, 'AWS_ENDPOINT_URL', problems),
      visibilityTimeoutSeconds: visibility,
      maxReceives: int(env, 'QUEUE_MAX_RECEIVES', 5, problems, 1),
      waitSeconds,
    },
    worker: {
      concurrency: int(env, 'WORKER_CONCURRENCY', 4, problems, 1),
      shardMaxObjects: int(env, 'WORKER_SHARD_MAX_OBJECTS', 200, problems, 1),
      shardMaxBytes: int(env, 'WORKER_SHARD_MAX_BYTES', 256 * 1024 * 1024, problems, 1),
      drainSeconds: int(env, 'WORKER_DRAIN_SECONDS', 100, problems),
    },
    api: {
      host: env.HOST ?? '0.0.0.0',
      port: int(env, 'PORT', 4000, problems, 1),
    },
    fingerprintKey: env.FINGERPRINT_KEY || undefined,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

let cached: Config | undefined;

/** The process-wide configuration, read from `process.env` once. */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}
