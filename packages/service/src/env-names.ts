/**
 * Names of the environment variables the service reads, one per setting a deployment passes in.
 * `config.ts` documents what each means and its default; deployment code (packages/infra) builds a
 * task's environment from these keys, so a misspelled name is a compile error, not a silent default.
 */
export const ENV_NAMES = {
  /** Connection URL of PostgreSQL (`postgres://user:pass@host:5432/db?sslmode=verify-full&sslrootcert=...`). */
  databaseUrl: 'DATABASE_URL',
  /** ARN of a secret holding `DATABASE_URL`; the Lambda adapter reads it at cold start. */
  databaseUrlSecretArn: 'DATABASE_URL_SECRET_ARN',
  /** HMAC key of finding fingerprints. */
  fingerprintKey: 'FINGERPRINT_KEY',
  redisUrl: 'REDIS_URL',
  redisAuthToken: 'REDIS_AUTH_TOKEN',
  reportsBucket: 'REPORTS_BUCKET',
  reportsKmsKeyId: 'REPORTS_KMS_KEY_ID',
  notifyEmailFrom: 'NOTIFY_EMAIL_FROM',
  notifySmsEnabled: 'NOTIFY_SMS_ENABLED',
  publicUrl: 'PUBLIC_URL',
  host: 'HOST',
  port: 'PORT',
  /** Browser origins allowed to call the API cross-origin, comma-separated. */
  apiCorsOrigins: 'API_CORS_ORIGINS',
  /** Processes serving the API on its port (`serve --workers`). */
  apiWorkers: 'API_WORKERS',
  logLevel: 'LOG_LEVEL',
  trustProxy: 'TRUST_PROXY',
  queueKind: 'QUEUE_KIND',
  scanQueueUrl: 'SCAN_QUEUE_URL',
  scanDlqUrl: 'SCAN_DLQ_URL',
  queueVisibilityTimeoutSeconds: 'QUEUE_VISIBILITY_TIMEOUT_SECONDS',
  queueMaxReceives: 'QUEUE_MAX_RECEIVES',
  scanS3Buckets: 'SCAN_S3_BUCKETS',
  taskProtection: 'TASK_PROTECTION',
  taskProtectionMinutes: 'TASK_PROTECTION_MINUTES',
} as const;

/** A setting the service reads from its environment. */
export type EnvSetting = keyof typeof ENV_NAMES;
/** The variable name of a setting. */
export type EnvName = (typeof ENV_NAMES)[EnvSetting];
