import { availableParallelism } from 'node:os';
import path from 'node:path';
import { costModelConfig, type ScanCostModel } from './estimate/scan-cost-model.ts';
import type { RateRule } from './ports/rate-limiter.ts';
import { bucketNameProblems } from './sources/bucket-name.ts';

/** Thrown when the environment holds bad values; lists every problem at once. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** JWT verification settings: a shared secret (HS256) or a JWKS URL. */
export interface JwtConfig {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Claim holding the tenant name. @default 'tenant' */
  tenantClaim?: string;
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
    /**
     * `WORKER_SCAN_THREADS`: threads the detection engine runs in, so scanning never blocks the
     * process's event loop; 0 runs it on the main thread. @default the number of cores
     */
    scanThreads: number;
    /** `WORKER_SHARD_MAX_OBJECTS` @default 200 */
    shardMaxObjects: number;
    /** `WORKER_SHARD_MAX_BYTES` @default 268435456 (256 MiB) */
    shardMaxBytes: number;
    /** `WORKER_DRAIN_SECONDS`: SIGTERM grace before in-flight messages are released. @default 100 */
    drainSeconds: number;
    /**
     * `WORKER_LIST_FANOUT`: list an S3 source's top-level prefixes each by its own queue message, so
     * several workers list one bucket. @default true
     */
    listFanout: boolean;
    /**
     * `DATA_SCANNER_ALLOWLIST`: JSON allowlist file (`{"patterns", "fingerprints", "paths"}`), read
     * once when the worker starts; a bad file stops it with a ConfigError. @default none
     */
    allowlistFile: string | undefined;
    /**
     * `DATA_SCANNER_ENGINE_MODULE`: a module exporting `createEngine(job, fingerprintKey)` that
     * replaces the detection engine (another engine build; fault injection in tests). @default none
     */
    engineModule: string | undefined;
    /**
     * `DATA_SCANNER_AGGREGATE_THRESHOLD`: personal-data findings stored one by one per object,
     * detector and field before further matches are counted in one aggregate row (credentials
     * are always stored one by one). @default 100
     */
    aggregateThreshold: number;
    /** `DATA_SCANNER_PROFILE` and `DATA_SCANNER_THROUGHPUT_MBPS`: prices budgets and estimates. @default local */
    scanCost: ScanCostModel;
    taskProtection: {
      /** `TASK_PROTECTION`: `ecs-agent` protects the task from scale-in while it works. @default off */
      mode: 'off' | 'ecs-agent';
      /** `TASK_PROTECTION_MINUTES`: how long one protection lasts at most. @default 60 */
      minutes: number;
      /** `ECS_AGENT_URI`, set by ECS in every task. */
      agentUri: string | undefined;
    };
  };
  api: {
    /** `HOST`: the address the API (or health endpoint) listens on; the container image sets 0.0.0.0. @default 127.0.0.1 */
    host: string;
    /** `PORT` @default 4000 */
    port: number;
    /**
     * `HEALTH_PORT`, else `PORT` when set: where a process without the api role answers
     * `/health` and `/healthz` (container health checks). @default none: no listener
     */
    healthPort: number | undefined;
    /** `SCAN_S3_BUCKETS`, comma-separated: the buckets tenants may scan. @default none: S3 sources are refused */
    s3Buckets: string[];
    /** `API_BODY_LIMIT`: the largest accepted request body in bytes, at least 1024. @default 65536 */
    bodyLimitBytes: number | undefined;
    /** `API_CORS_ORIGINS`, comma-separated browser origins allowed to call cross-origin. @default none: same origin only */
    corsOrigins: string[];
    /**
     * `JWT_SECRET` (at least 32 characters) or `JWT_JWKS_URL`, with `JWT_ISSUER`, `JWT_AUDIENCE`,
     * `JWT_TENANT_CLAIM`: bearer JWTs are accepted beside API keys. @default none: API keys only
     */
    jwt: JwtConfig | undefined;
    /** `DATA_SCANNER_WEB_DIST`: the dashboard build served at `/`. @default the web package's dist folder */
    webDist: string | undefined;
    /** `DATA_SCANNER_DEV_KEY`: `0` turns off the development API key printed at each start on the embedded database. @default true */
    devKey: boolean;
    /**
     * `API_WORKERS` (or `serve --workers`): processes serving the API on one port (node:cluster); the
     * profiles set their task's vCPU count. @default 1
     */
    workers: number;
  };
  reports: {
    /** `REPORTS_BUCKET`: S3 bucket of the PDF reports. @default none: reports are kept in `dir` */
    bucket: string | undefined;
    /** `REPORTS_KMS_KEY_ID`: KMS key (id, ARN or alias) for `aws:kms` encryption. @default none: AES256 */
    kmsKeyId: string | undefined;
    /** `REPORTS_DIR`: local folder of the PDF reports when no bucket is set. @default `<dataDir>/reports` */
    dir: string;
  };
  scheduler: {
    /** `SCHEDULER_TICK_SECONDS`: how often due schedules are looked for. @default 15 */
    tickSeconds: number;
  };
  notifier: {
    /** `NOTIFY_POLL_SECONDS`: pause when the outbox is empty. @default 5 */
    pollSeconds: number;
    /** `NOTIFY_MAX_ATTEMPTS`: deliveries tried this many times are marked dead. @default 8 */
    maxAttempts: number;
    /** `NOTIFY_BACKOFF_SECONDS`: first retry delay, doubled per attempt. @default 10 */
    backoffSeconds: number;
    /** `NOTIFY_MAX_BACKOFF_SECONDS` @default 3600 */
    maxBackoffSeconds: number;
    /** `NOTIFY_WEBHOOK_TIMEOUT_MS` @default 10000 */
    webhookTimeoutMs: number;
    /**
     * `NOTIFY_WEBHOOK_ALLOW_PRIVATE`: allow webhooks to loopback, private and link-local addresses.
     * @default true on the embedded database (one machine), false with `DATABASE_URL`
     */
    allowPrivateWebhooks: boolean;
    /** `NOTIFY_EMAIL_FROM`: sender address (an SES identity unless `SMTP_URL` is set). @default none: no email */
    emailFrom: string | undefined;
    /** `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://...`): send email over SMTP instead of SES. Never logged. */
    smtpUrl: string | undefined;
    /** `NOTIFY_SMS_ENABLED`: send SMS through SNS. @default false */
    smsEnabled: boolean;
    /** `PUBLIC_URL`: the dashboard's address, for links in messages. @default none */
    publicUrl: string | undefined;
    /** `AWS_ENDPOINT_URL_SES` / `AWS_ENDPOINT_URL` */
    sesEndpoint: string | undefined;
    /** `AWS_ENDPOINT_URL_SNS` / `AWS_ENDPOINT_URL` */
    snsEndpoint: string | undefined;
  };
  redis: {
    /**
     * `REDIS_URL` (`redis://host:6379`, `rediss://host:6379` for TLS): shared rate limits, the job
     * cache and wake-ups. @default none: in-process rate limits, no cache, PostgreSQL wake-ups
     */
    url: string | undefined;
    /** `REDIS_AUTH_TOKEN`: the ElastiCache auth token. Never logged. */
    authToken: string | undefined;
    /** `REDIS_TLS` @default true for a rediss:// URL, else false */
    tls: boolean;
  };
  rateLimit: {
    /**
     * `RATE_LIMIT_PER_KEY` requests/s per API key (per tenant for JWT callers) and
     * `RATE_LIMIT_PER_KEY_BURST`; a rate of 0 turns the limit off. @default 20/s, burst 100
     */
    perKey: RateRule | null;
    /**
     * `RATE_LIMIT_PER_IP` requests/s per client address, counted before authentication, and
     * `RATE_LIMIT_PER_IP_BURST`; a rate of 0 turns the limit off. @default 50/s, burst 200
     */
    perIp: RateRule | null;
    /**
     * `TRUST_PROXY`: the client address is the right-most `X-Forwarded-For` entry (the one the ALB or
     * API Gateway in front appended). @default false: the connection's peer address
     */
    trustProxy: boolean;
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

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function bucketName(name: string, variable: string, problems: string[]): void {
  const broken = bucketNameProblems(name);
  if (broken.length > 0)
    problems.push(
      `${variable}: ${JSON.stringify(name)} is not an S3 bucket name: it ${broken.join('; it ')}`,
    );
}

function apiConfig(env: Env, problems: string[]): Omit<Config['api'], 'host' | 'port' | 'healthPort'> {
  const s3Buckets = list(env.SCAN_S3_BUCKETS);
  for (const bucket of s3Buckets) bucketName(bucket, 'SCAN_S3_BUCKETS', problems);
  let bodyLimitBytes: number | undefined;
  if (env.API_BODY_LIMIT) {
    bodyLimitBytes = Number(env.API_BODY_LIMIT);
    if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1024)
      problems.push(`API_BODY_LIMIT: "${env.API_BODY_LIMIT}" must be an integer of at least 1024 bytes`);
  }
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32)
    problems.push('JWT_SECRET: must be at least 32 characters');
  if (env.JWT_JWKS_URL && !/^https?:\/\//.test(env.JWT_JWKS_URL))
    problems.push(`JWT_JWKS_URL: "${env.JWT_JWKS_URL}" must be an http(s) URL`);
  const corsOrigins = list(env.API_CORS_ORIGINS);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      problems.push(`API_CORS_ORIGINS: "${origin}" must be an origin like https://app.example.com`);
  }
  const jwt =
    env.JWT_SECRET || env.JWT_JWKS_URL
      ? {
          secret: env.JWT_SECRET || undefined,
          jwksUrl: env.JWT_JWKS_URL || undefined,
          issuer: env.JWT_ISSUER || undefined,
          audience: env.JWT_AUDIENCE || undefined,
          tenantClaim: env.JWT_TENANT_CLAIM || undefined,
        }
      : undefined;
  return {
    s3Buckets,
    bodyLimitBytes,
    corsOrigins,
    jwt,
    webDist: env.DATA_SCANNER_WEB_DIST ? path.resolve(env.DATA_SCANNER_WEB_DIST) : undefined,
    devKey: env.DATA_SCANNER_DEV_KEY !== '0',
    workers: int(env, 'API_WORKERS', 1, problems, 1),
  };
}

function readS3(env: Env, problems: string[]): Config['sources']['s3'] {
  const endpoint =
    url(env, 'DATA_SCANNER_S3_ENDPOINT', problems) ??
    url(env, 'AWS_ENDPOINT_URL_S3', problems) ??
    url(env, 'AWS_ENDPOINT_URL', problems);
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    endpoint,
    forcePathStyle: bool(env, 'DATA_SCANNER_S3_FORCE_PATH_STYLE', endpoint !== undefined, problems),
  };
}

/**
 * Only how to reach S3 (`Config['sources']['s3']`), for commands that need nothing else of the
 * configuration (`data-scanner scan`); throws a ConfigError naming every bad value.
 */
export function loadS3Config(env: Env = process.env): Config['sources']['s3'] {
  const problems: string[] = [];
  const s3 = readS3(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return s3;
}

function reportsConfig(env: Env, dataDir: string, problems: string[]): Config['reports'] {
  const bucket = env.REPORTS_BUCKET || undefined;
  if (bucket !== undefined) bucketName(bucket, 'REPORTS_BUCKET', problems);
  const kmsKeyId = env.REPORTS_KMS_KEY_ID || undefined;
  if (kmsKeyId !== undefined && /\s/.test(kmsKeyId))
    problems.push('REPORTS_KMS_KEY_ID must be a KMS key id, key ARN or alias with no spaces');
  if (kmsKeyId !== undefined && bucket === undefined)
    problems.push('REPORTS_KMS_KEY_ID needs REPORTS_BUCKET (local reports are not KMS-encrypted)');
  return { bucket, kmsKeyId, dir: path.resolve(env.REPORTS_DIR || path.join(dataDir, 'reports')) };
}

function notifierConfig(env: Env, embedded: boolean, problems: string[]): Config['notifier'] {
  const emailFrom = env.NOTIFY_EMAIL_FROM || undefined;
  if (emailFrom && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(emailFrom))
    problems.push(`NOTIFY_EMAIL_FROM must be an email address (got ${JSON.stringify(emailFrom)})`);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl))
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  if (smtpUrl && !emailFrom) problems.push('SMTP_URL needs NOTIFY_EMAIL_FROM (the sender address)');
  const publicUrl = url(env, 'PUBLIC_URL', problems);
  if (publicUrl && !/^https?:/.test(publicUrl)) problems.push('PUBLIC_URL must be an http(s) URL');
  return {
    pollSeconds: int(env, 'NOTIFY_POLL_SECONDS', 5, problems, 1),
    maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 8, problems, 1),
    backoffSeconds: int(env, 'NOTIFY_BACKOFF_SECONDS', 10, problems),
    maxBackoffSeconds: int(env, 'NOTIFY_MAX_BACKOFF_SECONDS', 3600, problems),
    webhookTimeoutMs: int(env, 'NOTIFY_WEBHOOK_TIMEOUT_MS', 10_000, problems, 100),
    allowPrivateWebhooks: bool(env, 'NOTIFY_WEBHOOK_ALLOW_PRIVATE', embedded, problems),
    emailFrom,
    smtpUrl,
    smsEnabled: bool(env, 'NOTIFY_SMS_ENABLED', false, problems),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    sesEndpoint: url(env, 'AWS_ENDPOINT_URL_SES', problems) ?? url(env, 'AWS_ENDPOINT_URL', problems),
    snsEndpoint: url(env, 'AWS_ENDPOINT_URL_SNS', problems) ?? url(env, 'AWS_ENDPOINT_URL', problems),
  };
}

function redisConfig(env: Env, problems: string[]): Config['redis'] {
  const raw = env.REDIS_URL || undefined;
  let parsed: URL | undefined;
  try {
    parsed = raw === undefined ? undefined : new URL(raw);
  } catch {
    parsed = undefined;
  }
  // The URL is never echoed: it may carry a password.
  if (raw !== undefined && (!parsed || !/^rediss?:$/.test(parsed.protocol) || !parsed.hostname))
    problems.push('REDIS_URL must be a redis:// or rediss:// URL with a host, e.g. rediss://my-cache:6379');
  else if (parsed && parsed.pathname.length > 1 && !/^\/\d+$/.test(parsed.pathname))
    problems.push('REDIS_URL may only carry a database number as its path, e.g. rediss://my-cache:6379/0');
  const authToken = env.REDIS_AUTH_TOKEN || undefined;
  if (authToken !== undefined && raw === undefined)
    problems.push('REDIS_AUTH_TOKEN is set but REDIS_URL is not; set both or neither');
  if (authToken !== undefined && /\s/.test(authToken))
    problems.push('REDIS_AUTH_TOKEN must not contain whitespace (a trailing newline in the secret?)');
  const rediss = parsed?.protocol === 'rediss:';
  const tls = bool(env, 'REDIS_TLS', rediss, problems);
  if (rediss && !tls)
    problems.push('REDIS_TLS=false contradicts a rediss:// URL; use redis:// for a connection without TLS');
  return { url: raw, authToken, tls };
}

function rateRule(env: Env, name: string, fallback: RateRule, problems: string[]): RateRule | null {
  const raw = env[name];
  let perSecond = fallback.perSecond;
  if (raw !== undefined && raw !== '') {
    perSecond = Number(raw);
    if (!Number.isFinite(perSecond) || perSecond < 0) {
      problems.push(
        `${name} must be requests per second, a number >= 0; 0 turns the limit off (got ${JSON.stringify(raw)})`,
      );
      perSecond = fallback.perSecond;
    }
  }
  const burst = int(env, `${name}_BURST`, Math.max(fallback.burst, Math.ceil(perSecond)), problems, 1);
  return perSecond === 0 ? null : { perSecond, burst };
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
  if (env.TASK_PROTECTION && !['off', 'ecs-agent'].includes(env.TASK_PROTECTION))
    problems.push(`TASK_PROTECTION must be off or ecs-agent (got ${JSON.stringify(env.TASK_PROTECTION)})`);
  const dataDir = path.resolve(env.DATA_SCANNER_DATA_DIR ?? '.data');
  const config: Config = {
    logLevel: env.LOG_LEVEL ?? 'info',
    database: {
      url: databaseUrl,
      dataDir,
      embeddedPort: int(env, 'DATA_SCANNER_EMBEDDED_PG_PORT', 54329, problems, 1),
      poolMax: int(env, 'DATABASE_POOL_MAX', 10, problems, 1),
    },
    sources: {
      roots,
      s3: readS3(env, problems),
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
      scanThreads: int(env, 'WORKER_SCAN_THREADS', availableParallelism(), problems),
      shardMaxObjects: int(env, 'WORKER_SHARD_MAX_OBJECTS', 200, problems, 1),
      shardMaxBytes: int(env, 'WORKER_SHARD_MAX_BYTES', 256 * 1024 * 1024, problems, 1),
      drainSeconds: int(env, 'WORKER_DRAIN_SECONDS', 100, problems),
      listFanout: bool(env, 'WORKER_LIST_FANOUT', true, problems),
      allowlistFile: env.DATA_SCANNER_ALLOWLIST ? path.resolve(env.DATA_SCANNER_ALLOWLIST) : undefined,
      engineModule: env.DATA_SCANNER_ENGINE_MODULE || undefined,
      aggregateThreshold: int(env, 'DATA_SCANNER_AGGREGATE_THRESHOLD', 100, problems, 1),
      scanCost: costModelConfig(env, problems),
      taskProtection: {
        mode: env.TASK_PROTECTION === 'ecs-agent' ? 'ecs-agent' : 'off',
        minutes: int(env, 'TASK_PROTECTION_MINUTES', 60, problems, 1),
        agentUri: url(env, 'ECS_AGENT_URI', problems),
      },
    },
    api: {
      host: env.HOST || '127.0.0.1',
      port: int(env, 'PORT', 4000, problems, 1),
      healthPort:
        env.HEALTH_PORT || env.PORT
          ? int(env, env.HEALTH_PORT ? 'HEALTH_PORT' : 'PORT', 0, problems, 1)
          : undefined,
      ...apiConfig(env, problems),
    },
    reports: reportsConfig(env, dataDir, problems),
    scheduler: { tickSeconds: int(env, 'SCHEDULER_TICK_SECONDS', 15, problems, 1) },
    notifier: notifierConfig(env, databaseUrl === undefined, problems),
    redis: redisConfig(env, problems),
    rateLimit: {
      perKey: rateRule(env, 'RATE_LIMIT_PER_KEY', { perSecond: 20, burst: 100 }, problems),
      perIp: rateRule(env, 'RATE_LIMIT_PER_IP', { perSecond: 50, burst: 200 }, problems),
      trustProxy: bool(env, 'TRUST_PROXY', false, problems),
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
