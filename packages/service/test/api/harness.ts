import type { OpenAPIHono } from '@hono/zod-openapi';
import { beforeEach } from 'vitest';
import type { ApiConfig, ApiDeps, ApiEnv } from '../../src/api/app.ts';
import { createApp } from '../../src/api/app.ts';
import type { KeyUsage } from '../../src/api/auth/key-usage.ts';
import { PgApiStore } from '../../src/api/pg-api-store.ts';
import { createJobCommands, type JobCommands } from '../../src/jobs/job-commands.ts';
import { enqueuePlanOn } from '../../src/jobs/submit-job.ts';
import { type CreatedKey, createApiKey } from '../../src/keys/key-store.ts';
import { createLogger } from '../../src/log.ts';
import { PgNotificationSettings } from '../../src/notify/notification-settings.ts';
import { PgQueue } from '../../src/queue/pg-queue.ts';
import type { ReportsDeps } from '../../src/reports/index.ts';
import { PgScheduleStore } from '../../src/schedules/schedules-repository.ts';
import { PgCustomDetectorStore } from '../../src/store/custom-detector-store.ts';
import { PgExposureStore } from '../../src/store/exposure-store.ts';
import { PgExposureTriage } from '../../src/store/exposure-triage.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { type TestDatabase, useTestDatabase } from '../support/database.ts';

/** The fingerprint key the test API checks imported baselines against. */
export const TEST_FINGERPRINT_KEY = 'test-key';

/** One API over a fresh database with two tenants, `acme` and `globex`, each holding a key. */
export interface ApiHarness {
  app: OpenAPIHono<ApiEnv>;
  db: TestDatabase;
  acme: CreatedKey;
  globex: CreatedKey;
  /** `app.request` with `Authorization: Bearer <key>` (acme's unless `key` says otherwise; null: none). */
  call(path: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<Response>;
}

/** Registers hooks that build a fresh `ApiHarness` for each test. */
export function useApiHarness(
  options: {
    config?: Partial<ApiConfig> | (() => Partial<ApiConfig>);
    commands?: (db: TestDatabase) => JobCommands;
    /** Reports and exports (`ApiDeps.reports`). @default - absent: those routes are not served */
    reports?: (db: TestDatabase) => ReportsDeps;
    /** Where key uses are noted (`ApiDeps.keyUsage`). @default - the app's own */
    keyUsage?: (db: TestDatabase) => KeyUsage;
    /** Sources and prices of `POST /scan/estimate` (`ApiDeps.estimates`). @default - absent: not served */
    estimates?: () => ApiDeps['estimates'];
  } = {},
): () => ApiHarness {
  const db = useTestDatabase();
  let harness: ApiHarness | undefined;
  beforeEach(async () => {
    const pool = db().pool;
    const acme = await createApiKey(pool, 'acme');
    const globex = await createApiKey(pool, 'globex');
    const commands =
      options.commands?.(db()) ??
      createJobCommands(new PgJobStore(pool), enqueuePlanOn(new PgQueue(pool, { name: 'scan' })));
    const app = createApp({
      store: new PgApiStore(pool, commands),
      config: {
        s3Buckets: ['allowed-bucket'],
        fileRoots: [],
        ...(typeof options.config === 'function' ? options.config() : options.config),
      },
      logger: createLogger({ level: 'silent' }),
      ...(options.reports ? { reports: options.reports(db()) } : {}),
      ...(options.keyUsage ? { keyUsage: options.keyUsage(db()) } : {}),
      ...(options.estimates ? { estimates: options.estimates() } : {}),
      schedules: new PgScheduleStore(pool),
      customDetectors: new PgCustomDetectorStore(pool),
      exposures: {
        store: new PgExposureStore(pool),
        triage: new PgExposureTriage(pool),
        fingerprintKey: async () => TEST_FINGERPRINT_KEY,
      },
      notifications: { settings: new PgNotificationSettings(pool), channelsAvailable: ['webhook', 'email'] },
    });
    harness = {
      app,
      db: db(),
      acme,
      globex,
      call: async (path, init = {}) => {
        const { key = acme.key, json, ...rest } = init;
        const headers = new Headers(rest.headers);
        if (key !== null) headers.set('authorization', `Bearer ${key}`);
        if (json !== undefined) headers.set('content-type', 'application/json');
        return app.request(path, {
          ...rest,
          headers,
          body: json !== undefined ? JSON.stringify(json) : rest.body,
        });
      },
    };
  });
  return () => {
    if (!harness) throw new Error('useApiHarness(): only inside tests');
    return harness;
  };
}
