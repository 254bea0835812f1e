import { randomUUID } from 'node:crypto';
import type { components } from '../src/api/openapi.ts';
import { error, type FixtureState, paginate, type RawExposureDetail, type Send } from './api-fixture.ts';

type Schemas = components['schemas'];
export type RawOccurrence = Schemas['Occurrence'];

/** An occurrence of an exposure: one finding in a job's object. */
export function makeOccurrence(jobId: string, over: Partial<RawOccurrence> = {}): RawOccurrence {
  return {
    kind: 'finding',
    id: String(Math.floor(Math.random() * 1e9)),
    job_id: jobId,
    object: { key: 'config/.env' },
    // The contract's nullable Location is an allOf the generated type reads as Location & null-or-empty.
    location: { byte_start: 0, byte_end: 20, line: 3, column: 5 },
    redacted: 'AKIA************MPLE',
    field: null,
    count: 1,
    samples: [],
    seen_at: new Date().toISOString(),
    ...over,
  };
}

/** An exposure with its detail (remediation, history, occurrences) and sensible defaults. */
export function makeExposure(over: Partial<RawExposureDetail> = {}): RawExposureDetail {
  const jobId = over.last_job_id ?? randomUUID();
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: 'value',
    detector: 'aws-access-key-id',
    category: 'credentials',
    severity: 'critical',
    state: 'open',
    state_changed_at: null,
    redacted: 'AKIA************MPLE',
    fingerprint: 'fp-1',
    object: { key: 'config/.env' },
    field: null,
    archive_path: null,
    occurrences: 1,
    objects: 1,
    sources: ['file:///srv/samples'],
    first_seen_at: now,
    last_seen_at: now,
    first_job_id: jobId,
    last_job_id: jobId,
    remediation: 'Rotate the key in IAM, then mark it revoked.',
    history: [],
    occurrences_page: { items: [makeOccurrence(jobId)], next_cursor: null },
    ...over,
  };
}

const SEVERITY_RANK = ['critical', 'high', 'medium', 'low', 'info'];

/** An exposure as `GET /findings` lists it: without its detail. */
function exposureRow(e: RawExposureDetail): Schemas['Exposure'] {
  const { remediation: _r, history: _h, occurrences_page: _o, ...row } = e;
  return row;
}

/** `/findings` routes of the fixture: list (filtered, most severe first), detail, PATCH, triage, export. */
export function handleFindings(
  state: FixtureState,
  method: string,
  parts: string[],
  q: URLSearchParams,
  body: unknown,
  send: Send,
) {
  const actor = 'test-key';
  const setState = (e: RawExposureDetail, to: RawExposureDetail['state'], note?: string) => {
    if (e.state === to) return false;
    e.history.unshift({
      at: new Date().toISOString(),
      actor,
      from_state: e.state,
      to_state: to,
      note: note ?? null,
      job_id: null,
    });
    e.state = to;
    e.state_changed_at = new Date().toISOString();
    return true;
  };
  if (method === 'GET' && parts.length === 1) {
    const f = Object.fromEntries(q.entries());
    const items = state.exposures
      .filter(
        (e) =>
          (!f.state || e.state === f.state) &&
          (!f.severity || e.severity === f.severity) &&
          (!f.detector || e.detector === f.detector) &&
          (!f.category || e.category === f.category) &&
          (!f.source || e.sources.includes(f.source)) &&
          (!f.firstSeenAfter || e.first_seen_at > f.firstSeenAfter) &&
          (!f.job || e.occurrences_page.items.some((o) => o.job_id === f.job)) &&
          (!f.object || e.occurrences_page.items.some((o) => o.object.key.startsWith(f.object ?? ''))),
      )
      .sort(
        (a, b) =>
          SEVERITY_RANK.indexOf(a.severity) - SEVERITY_RANK.indexOf(b.severity) ||
          b.last_seen_at.localeCompare(a.last_seen_at),
      )
      .map(exposureRow);
    return send(200, paginate(items, q, 50));
  }
  if (method === 'GET' && parts[1] === 'export') {
    const filtered = { ...Object.fromEntries(q.entries()) };
    return send(
      200,
      { filters: filtered, exposures: state.exposures.map(exposureRow) },
      {
        'content-disposition': `attachment; filename="data-scanner-findings.${q.get('format')}"`,
      },
    );
  }
  if (method === 'POST' && parts[1] === 'triage') {
    const b = body as Schemas['TriageRequest'];
    const result = { updated: 0, unchanged: 0, not_found: 0 };
    for (const id of b.ids) {
      const e = state.exposures.find((x) => x.id === id);
      if (!e) result.not_found++;
      else if (setState(e, b.state, b.note)) result.updated++;
      else result.unchanged++;
    }
    return send(200, result);
  }
  const e = state.exposures.find((x) => x.id === parts[1]);
  if (!e) return send(404, error('not_found', 'No such finding'));
  if (method === 'PATCH') {
    const b = body as Schemas['ExposurePatch'];
    setState(e, b.state, b.note);
    return send(200, exposureRow(e));
  }
  if (method === 'GET') {
    return send(200, { ...e, occurrences_page: paginate(e.occurrences_page.items, q, 50) });
  }
  return send(404, error('not_found', 'Not found'));
}
