import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A job as the API returns it (service `JobSchema`). */
export interface RawJob {
  job_id: string;
  status: string;
  source: string;
  name: string | null;
  detectors: string[] | null;
  exclude: string[];
  reason: string | null;
  progress: { objects_total: number; objects_done: number; bytes_scanned: number; findings: number };
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export type RawFinding = Record<string, unknown> & {
  id: string;
  detector: string;
  severity: string;
  object: { key: string };
};
export type RawObject = Record<string, unknown> & { key: string; status: string };

/** What the fixture serves; tests change it between requests. */
export interface FixtureState {
  apiKey: string;
  jobs: RawJob[];
  findings: Map<string, RawFinding[]>;
  objects: Map<string, RawObject[]>;
  /** `null`: the server has no `/schedules` (404). */
  schedules: Record<string, unknown>[] | null;
  /** `null`: the server has no notification settings (404). */
  notifications: Record<string, unknown> | null;
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
  close(): Promise<void>;
}

/** A small in-test HTTP server on 127.0.0.1 speaking the v1 API contract (DESIGN.md, issue 4). */
export async function startApiFixture(initial: Partial<FixtureState> = {}): Promise<ApiFixture> {
  const state: FixtureState = {
    apiKey: 'test-key',
    jobs: [],
    findings: new Map(),
    objects: new Map(),
    schedules: null,
    notifications: null,
    exports: false,
    ...initial,
  };
  const requests: ApiFixture['requests'] = [];
  const server = createServer((req, res) => {
    handle(state, requests, req, res).catch((err) => send(res, 500, error('internal', String(err))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A job in the API's shape with sensible defaults. */
export function makeJob(over: Partial<RawJob> = {}): RawJob {
  const now = new Date().toISOString();
  return {
    job_id: randomUUID(),
    status: 'succeeded',
    source: 'file:///srv/samples',
    name: null,
    detectors: null,
    exclude: [],
    reason: null,
    progress: { objects_total: 4, objects_done: 4, bytes_scanned: 2048, findings: 0 },
    created_at: now,
    updated_at: now,
    finished_at: now,
    ...over,
  };
}

const error = (code: string, message: string, details: { path?: string; message: string }[] = []) => ({
  error: { code, message, details },
});

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    ...headers,
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function paginate<T>(items: T[], q: URLSearchParams, def = 100) {
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

async function serveStatic(dir: string, pathname: string, res: ServerResponse): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return send(res, 404, error('not_found', 'Not found'));
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    send(res, 404, error('not_found', 'Not found'));
  }
}

async function handle(
  state: FixtureState,
  requests: ApiFixture['requests'],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fixture');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
    });
    res.end();
    return;
  }
  if (
    state.staticDir &&
    method === 'GET' &&
    /^\/($|index\.html$|config\.json$|assets\/)/.test(url.pathname)
  ) {
    return serveStatic(state.staticDir, url.pathname, res);
  }
  const body = method === 'POST' || method === 'PUT' ? await readBody(req) : undefined;
  requests.push({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body });
  if (req.headers.authorization !== `Bearer ${state.apiKey}`) {
    return send(res, 401, error('unauthorized', 'Missing or invalid credentials'));
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
    if (details.length) return send(res, 422, error('validation_failed', 'Request body is invalid', details));
    const created = makeJob({
      status: 'queued',
      source: b.source as string,
      name: b.name ?? null,
      finished_at: null,
      progress: { objects_total: 0, objects_done: 0, bytes_scanned: 0, findings: 0 },
    });
    state.jobs.unshift(created);
    return send(res, 202, { job_id: created.job_id, status: 'queued' });
  }
  if (method === 'GET' && url.pathname === '/jobs') {
    const status = q.get('status');
    return send(
      res,
      200,
      paginate(
        state.jobs.filter((j) => !status || j.status === status),
        q,
        50,
      ),
    );
  }
  if (parts[0] === 'jobs' && parts[1] && !job) return send(res, 404, error('not_found', 'Job not found'));
  if (job && method === 'GET' && parts.length === 2) return send(res, 200, job);
  if (job && method === 'GET' && parts[2] === 'objects') {
    const status = q.get('status');
    const items = (state.objects.get(job.job_id) ?? []).filter((o) => !status || o.status === status);
    return send(res, 200, paginate(items, q));
  }
  if (job && method === 'POST' && parts[2] === 'cancel') {
    job.status = 'cancelled';
    return send(res, 200, job);
  }
  if (job && method === 'GET' && (parts[2] === 'export' || parts[2] === 'report.pdf')) {
    if (!state.exports) return send(res, 404, error('not_found', 'Not found'));
    const sarif = { version: '2.1.0', runs: [{ results: state.findings.get(job.job_id) ?? [] }] };
    return send(res, 200, sarif, { 'content-disposition': `attachment; filename="${job.job_id}.sarif"` });
  }
  if (method === 'GET' && url.pathname === '/results') {
    const jobId = q.get('job_id') ?? '';
    if (!state.jobs.some((j) => j.job_id === jobId))
      return send(res, 404, error('not_found', 'Job not found'));
    const detector = q.get('detector');
    const object = q.get('object');
    const items = (state.findings.get(jobId) ?? []).filter(
      (f) => (!detector || f.detector === detector) && (!object || f.object.key === object),
    );
    return send(res, 200, paginate(items, q));
  }
  if (parts[0] === 'schedules') {
    if (state.schedules === null) return send(res, 404, error('not_found', 'Not found'));
    if (method === 'GET') return send(res, 200, { items: state.schedules, next_cursor: null });
    if (method === 'POST') {
      const b = body as Record<string, unknown>;
      if (typeof b.cron !== 'string' || b.cron.split(' ').length !== 5) {
        return send(
          res,
          400,
          error('validation_failed', 'Invalid schedule', [
            { path: 'body.cron', message: 'cron needs five fields' },
          ]),
        );
      }
      const s = { id: randomUUID(), ...b };
      state.schedules.push(s);
      return send(res, 201, s);
    }
    if (method === 'DELETE' && parts[1]) {
      state.schedules = state.schedules.filter((s) => s.id !== parts[1]);
      return send(res, 204, undefined);
    }
  }
  if (url.pathname === '/settings/notifications') {
    if (state.notifications === null) return send(res, 404, error('not_found', 'Not found'));
    if (method === 'PUT') state.notifications = body as Record<string, unknown>;
    return send(res, 200, state.notifications);
  }
  return send(res, 404, error('not_found', 'Not found'));
}
