import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { components } from '../src/api/openapi.ts';
import { contractValidator } from './contract-validator.ts';
import { handleFindings } from './exposure-fixtures.ts';

type Schemas = components['schemas'];
export type RawJob = Schemas['Job'];
export type RawFinding = Schemas['Finding'];
export type RawAggregate = Schemas['FindingAggregate'];
export type RawObject = Schemas['JobObject'];
export type RawSchedule = Schemas['Schedule'];
export type RawNotificationSettings = Schemas['NotificationSettings'];
export type RawDeliveryFailure = Schemas['DeliveryFailure'];
export type RawExposureDetail = Schemas['ExposureDetail'];

/** What the fixture serves; tests change it between requests. */
export interface FixtureState {
  apiKey: string;
  jobs: RawJob[];
  findings: Map<string, RawFinding[]>;
  aggregates: Map<string, RawAggregate[]>;
  objects: Map<string, RawObject[]>;
  /** `null`: the server has no `/schedules` (404). */
  schedules: RawSchedule[] | null;
  /** `null`: the server has no notification settings (404). */
  notifications: RawNotificationSettings | null;
  /** Exposures with all their occurrences and history; `GET /findings` lists them, most severe first. */
  exposures: RawExposureDetail[];
  /** What `GET /settings/notifications/failures` lists. */
  notificationFailures: RawDeliveryFailure[];
  /** False: `/jobs/{id}/export` and `/report.pdf` answer 404. */
  exports: boolean;
  /** When set, `/`, `/config.json` and `/assets/*` are served from this folder (a built dashboard). */
  staticDir?: string;
}

export interface ApiFixture {
  url: string;
  state: FixtureState;
  /** Every request seen, for asserting query parameters and headers. */
  requests: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: IncomingMessage['headers'];
    body?: unknown;
  }[];
  /** Answers the contract does not allow; `close()` throws when there are any. */
  violations: string[];
  close(): Promise<void>;
}

/**
 * A small in-test HTTP server on 127.0.0.1 speaking the v1 API. Every JSON answer is checked against
 * the service's OpenAPI contract; one it does not allow is recorded and fails `close()`.
 */
export async function startApiFixture(initial: Partial<FixtureState> = {}): Promise<ApiFixture> {
  const state: FixtureState = {
    apiKey: 'test-key',
    jobs: [],
    findings: new Map(),
    aggregates: new Map(),
    objects: new Map(),
    schedules: null,
    notifications: null,
    notificationFailures: [],
    exposures: [],
    exports: false,
    ...initial,
  };
  const requests: ApiFixture['requests'] = [];
  const violations: string[] = [];
  const check = contractValidator();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://fixture').pathname;
    const send: Send = (status, body, headers = {}) => {
      const contentType = headers['content-type'] ?? 'application/json';
      if (!isStatic(state, req.method ?? 'GET', pathname) && req.method !== 'OPTIONS')
        violations.push(...check(req.method ?? 'GET', pathname, status, contentType, body));
      reply(res, status, body, { 'content-type': contentType, ...headers });
    };
    handle(state, requests, req, res, send).catch((err) => reply(res, 500, error('internal', String(err))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    violations,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (violations.length > 0)
        throw new Error(`the fixture answered outside the API contract:\n  ${violations.join('\n  ')}`);
    },
  };
}

/** A job in the API's shape with sensible defaults; `progress` may be given in part. */
export function makeJob(
  over: Partial<Omit<RawJob, 'progress'>> & { progress?: Partial<RawJob['progress']> } = {},
): RawJob {
  const now = new Date().toISOString();
  const { progress, ...rest } = over;
  return {
    job_id: randomUUID(),
    status: 'succeeded',
    source: 'file:///srv/samples',
    name: null,
    detectors: null,
    exclude: [],
    reason: null,
    incremental: false,
    budget: null,
    sample: null,
    exposures: null,
    created_at: now,
    updated_at: now,
    finished_at: now,
    ...rest,
    progress: {
      objects_unchanged: 0,
      objects_sampled_out: 0,
      objects_total: 4,
      objects_done: 4,
      bytes_total: null,
      bytes_scanned: 2048,
      findings: 0,
      findings_aggregated: 0,
      aggregate_threshold: null,
      ...progress,
    },
  };
}

/** A finding of `jobId` with sensible defaults. */
export function makeFinding(jobId: string, over: Partial<RawFinding> = {}): RawFinding {
  return {
    id: randomUUID(),
    job_id: jobId,
    object: { key: 'notes/readme.txt' },
    detector: 'aws-access-key-id',
    category: 'credentials',
    severity: 'critical',
    confidence: 0.9,
    location: { byte_start: 0, byte_end: 20, line: 1, column: 1 },
    redacted: 'AKIA************MPLE',
    fingerprint: 'fp',
    ...over,
  };
}

/** An object of a job with sensible defaults. */
export function makeObject(over: Partial<RawObject> & { key: string }): RawObject {
  return {
    status: 'COMPLETE',
    reason: null,
    reason_detail: null,
    bytes: 1024,
    etag: null,
    version_id: null,
    findings: 0,
    findings_aggregated: 0,
    ...over,
  };
}

/** A schedule with sensible defaults. */
export function makeSchedule(over: Partial<RawSchedule> = {}): RawSchedule {
  return {
    id: randomUUID(),
    name: null,
    source: 's3://logs/',
    cron: '0 3 * * *',
    timezone: 'UTC',
    detectors: null,
    incremental: true,
    paused: false,
    exclude: [],
    next_run_at: new Date(Date.now() + 3_600_000).toISOString(),
    last_run_at: null,
    last_job_id: null,
    created_at: new Date().toISOString(),
    ...over,
  };
}

/** A failed delivery as `GET /settings/notifications/failures` lists it. */
export function makeDeliveryFailure(over: Partial<RawDeliveryFailure> = {}): RawDeliveryFailure {
  return {
    channel: 'webhook',
    status: 'dead',
    attempts: 8,
    error: 'webhook answered HTTP 500',
    event: 'job.finished',
    job_id: randomUUID(),
    job_name: 'nightly exports',
    created_at: new Date(Date.now() - 3_600_000).toISOString(),
    dead_at: new Date().toISOString(),
    next_attempt_at: null,
    ...over,
  };
}

/** Notification settings as `GET /settings/notifications` answers them. */
export function makeNotificationSettings(
  over: Partial<RawNotificationSettings> = {},
): RawNotificationSettings {
  return {
    when: 'findings',
    min_severity: 'high',
    webhook_url: null,
    webhook_slack: false,
    webhook_secret: null,
    email_to: null,
    sms_to: null,
    channels_available: ['webhook'],
    updated_at: null,
    ...over,
  };
}

/** Every match of a job counted by severity, category and detector, aggregated ones included. */
function summary(state: FixtureState, jobId: string): Schemas['JobSummary'] {
  const s: Schemas['JobSummary'] = { by_severity: {}, by_category: {}, by_detector: {} };
  const add = (f: { severity: string; category: string; detector: string }, n: number) => {
    s.by_severity[f.severity] = (s.by_severity[f.severity] ?? 0) + n;
    s.by_category[f.category] = (s.by_category[f.category] ?? 0) + n;
    s.by_detector[f.detector] = (s.by_detector[f.detector] ?? 0) + n;
  };
  for (const f of state.findings.get(jobId) ?? []) add(f, 1);
  for (const a of state.aggregates.get(jobId) ?? []) add(a, a.count);
  return s;
}

/** An error body as the API sends it. */
export const error = (code: string, message: string, details: { path?: string; message: string }[] = []) => ({
  error: { code, message, details },
});

/** Answers a request, checking the body against the contract. */
export type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    ...headers,
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** A page of `items` with an opaque offset cursor, as the list routes answer. */
export function paginate<T>(items: T[], q: URLSearchParams, def = 100) {
  const limit = Number(q.get('limit') ?? def);
  const start = q.get('cursor') ? Number(Buffer.from(q.get('cursor') as string, 'base64url').toString()) : 0;
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64url') : null;
  return { items: page, next_cursor: next };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? JSON.parse(text) : undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** A request for the built dashboard, not the API. */
function isStatic(state: FixtureState, method: string, pathname: string): boolean {
  return (
    state.staticDir !== undefined &&
    method === 'GET' &&
    /^\/($|index\.html$|config\.json$|assets\/)/.test(pathname)
  );
}

async function serveStatic(dir: string, pathname: string, res: ServerResponse): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return reply(res, 404, error('not_found', 'Not found'));
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    reply(res, 404, error('not_found', 'Not found'));
  }
}

async function handle(
  state: FixtureState,
  requests: ApiFixture['requests'],
  req: IncomingMessage,
  res: ServerResponse,
  send: Send,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fixture');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
    });
    res.end();
    return;
  }
  if (state.staticDir && isStatic(state, method, url.pathname)) {
    return serveStatic(state.staticDir, url.pathname, res);
  }
  const body = ['POST', 'PUT', 'PATCH'].includes(method) ? await readBody(req) : undefined;
  requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body });
  if (req.headers.authorization !== `Bearer ${state.apiKey}`) {
    return send(401, error('unauthorized', 'Missing or invalid credentials'));
  }
  const q = url.searchParams;
  const parts = url.pathname.split('/').filter(Boolean);
  const job = parts[0] === 'jobs' && parts[1] ? state.jobs.find((j) => j.job_id === parts[1]) : undefined;

  if (method === 'POST' && url.pathname === '/scan') {
    const b = (body ?? {}) as { source?: unknown; name?: string; detectors?: unknown[]; exclude?: string[] };
    const details: { path: string; message: string }[] = [];
    if (typeof b.source !== 'string' || !/^(s3|file):\/\//.test(b.source)) {
      details.push({ path: 'body.source', message: 'unsupported scheme (use s3:// or file://)' });
    }
    (b.detectors ?? []).forEach((d, i) => {
      if (typeof d !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(d)) {
        details.push({ path: `body.detectors.${i}`, message: 'detector ids are kebab-case' });
      }
    });
    if (details.length) return send(422, error('validation_failed', 'Request body is invalid', details));
    const created = makeJob({
      status: 'queued',
      source: b.source as string,
      name: b.name ?? null,
      finished_at: null,
      progress: { objects_total: 0, objects_done: 0, bytes_scanned: 0 },
    });
    state.jobs.unshift(created);
    return send(202, { job_id: created.job_id, status: 'queued' });
  }
  if (method === 'GET' && url.pathname === '/jobs') {
    const status = q.get('status');
    return send(
      200,
      paginate(
        state.jobs.filter((j) => !status || j.status === status),
        q,
        50,
      ),
    );
  }
  if (parts[0] === 'jobs' && parts[1] && !job) return send(404, error('not_found', 'Job not found'));
  if (job && method === 'GET' && parts.length === 2)
    return send(200, { ...job, summary: summary(state, job.job_id) });
  if (job && method === 'GET' && parts[2] === 'objects') {
    const status = q.get('status');
    const items = (state.objects.get(job.job_id) ?? []).filter((o) => !status || o.status === status);
    return send(200, paginate(items, q));
  }
  if (job && method === 'POST' && parts[2] === 'cancel') {
    job.status = 'cancelled';
    return send(202, job);
  }
  if (job && method === 'GET' && (parts[2] === 'export' || parts[2] === 'report.pdf')) {
    if (!state.exports) return send(404, error('not_found', 'Not found'));
    const sarif = { version: '2.1.0', runs: [{ results: state.findings.get(job.job_id) ?? [] }] };
    return send(200, sarif, {
      'content-type': 'application/sarif+json',
      'content-disposition': `attachment; filename="${job.job_id}.sarif"`,
    });
  }
  if (method === 'GET' && url.pathname === '/results') {
    const jobId = q.get('job_id') ?? '';
    if (!state.jobs.some((j) => j.job_id === jobId)) return send(404, error('not_found', 'Job not found'));
    const detector = q.get('detector');
    const severity = q.get('severity');
    const object = q.get('object');
    const items = (state.findings.get(jobId) ?? []).filter(
      (f) =>
        (!detector || f.detector === detector) &&
        (!severity || f.severity === severity) &&
        (!object || f.object.key.startsWith(object)),
    );
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    if (q.get('sort') === 'severity')
      items.sort((a, b) => rank.indexOf(a.severity) - rank.indexOf(b.severity));
    if (q.get('sort') === 'object') items.sort((a, b) => a.object.key.localeCompare(b.object.key));
    return send(200, paginate(items, q));
  }
  if (method === 'GET' && url.pathname === '/results/aggregates') {
    const jobId = q.get('job_id') ?? '';
    if (!state.jobs.some((j) => j.job_id === jobId)) return send(404, error('not_found', 'No such job'));
    return send(200, paginate(state.aggregates.get(jobId) ?? [], q));
  }
  if (parts[0] === 'schedules') {
    if (state.schedules === null) return send(404, error('not_found', 'Not found'));
    if (method === 'GET') return send(200, { items: state.schedules, next_cursor: null });
    if (method === 'POST') {
      const b = body as Schemas['ScheduleRequest'];
      if (typeof b.cron !== 'string' || b.cron.split(' ').length !== 5) {
        return send(
          400,
          error('invalid_schedule', 'Invalid schedule', [
            { path: 'body.cron', message: 'cron needs five fields' },
          ]),
        );
      }
      const s = makeSchedule({
        name: b.name ?? null,
        source: b.source,
        cron: b.cron,
        timezone: b.timezone,
        detectors: b.detectors ?? null,
        exclude: b.exclude ?? [],
      });
      state.schedules.push(s);
      return send(201, s);
    }
    const schedule = parts[1] ? state.schedules.find((s) => s.id === parts[1]) : undefined;
    if (parts[1] && !schedule) return send(404, error('not_found', 'No such schedule'));
    if (method === 'PATCH' && schedule) {
      const b = body as Schemas['ScheduleUpdate'];
      if (b.cron !== undefined && b.cron.split(' ').length !== 5) {
        return send(
          400,
          error('invalid_schedule', 'Invalid schedule', [
            { path: 'body.cron', message: 'cron needs five fields' },
          ]),
        );
      }
      const { paused, ...fields } = b;
      Object.assign(schedule, fields);
      if (paused !== undefined) {
        schedule.paused = paused;
        schedule.next_run_at = paused ? null : new Date(Date.now() + 3_600_000).toISOString();
      }
      return send(200, schedule);
    }
    if (method === 'DELETE' && parts[1]) {
      state.schedules = state.schedules.filter((s) => s.id !== parts[1]);
      return send(204, undefined, {});
    }
  }
  if (parts[0] === 'findings') return handleFindings(state, method, parts, q, body, send);
  if (url.pathname === '/settings/notifications/test' && method === 'POST') {
    const n = state.notifications;
    if (n === null) return send(404, error('not_found', 'Not found'));
    const set = (['webhook', 'email', 'sms'] as const).filter(
      (c) => (c === 'webhook' ? n.webhook_url : c === 'email' ? n.email_to : n.sms_to) !== null,
    );
    if (set.length === 0)
      return send(409, error('conflict', 'No channel is set: save a webhook URL, email or SMS number first'));
    return send(202, {
      event_id: '42',
      channels: set,
      unavailable: set.filter((c) => !n.channels_available.includes(c)),
    });
  }
  if (url.pathname === '/settings/notifications/failures' && method === 'GET') {
    if (state.notifications === null) return send(404, error('not_found', 'Not found'));
    return send(200, { items: state.notificationFailures });
  }
  if (url.pathname === '/settings/notifications') {
    if (state.notifications === null) return send(404, error('not_found', 'Not found'));
    if (method === 'PUT') {
      const b = body as Schemas['NotificationSettingsRequest'];
      state.notifications = {
        ...state.notifications,
        when: b.when,
        min_severity: b.min_severity ?? 'high',
        webhook_url: b.webhook_url ?? null,
        webhook_slack: b.webhook_slack ?? false,
        email_to: b.email_to ?? null,
        sms_to: b.sms_to ?? null,
        updated_at: new Date().toISOString(),
      };
    }
    return send(200, state.notifications);
  }
  return send(404, error('not_found', 'Not found'));
}
