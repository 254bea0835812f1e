import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger };

/**
 * The one structured JSON logger. Every role creates its root logger here and passes
 * children (`logger.child({ request_id })`, `logger.child({ job_id })`) down. The level comes
 * from the caller (`Config['logLevel']`, `LOG_LEVEL`), never from the environment directly.
 * Keys that could carry credentials are redacted; scanned values never reach a log call.
 */
export function createLogger(options: { level?: string; name?: string } & LoggerOptions = {}): Logger {
  return pino(loggerOptions(options));
}

/**
 * The logger of a command whose stdout is its output (`jobs show` prints JSON, `migrate` a
 * line): its log lines go to stderr, so a warning can never land inside what a script parses.
 */
export function createCommandLogger(level: string): Logger {
  return pino(loggerOptions({ level }), pino.destination({ dest: 2, sync: true }));
}

function loggerOptions(options: { level?: string; name?: string } & LoggerOptions): LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: { service: options.name ?? 'data-scanner' },
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.password',
        '*.api_key',
        '*.token',
        '*.authToken',
        '*.*.authToken',
      ],
      censor: '[redacted]',
    },
    ...options,
  };
}
