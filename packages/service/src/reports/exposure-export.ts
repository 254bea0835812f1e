import type { ExposureFilter, ExposureKey, PgExposureStore } from '../store/exposure-store.ts';
import type { ExposureSort, ExposureView } from '../views/exposure-schemas.ts';
import { exposureView } from '../views/exposure-views.ts';
import type { ExportFormat } from './export-writers.ts';

/** Rows per query of an exposure export. */
const BATCH = 1000;

const CSV_COLUMNS = [
  'id',
  'state',
  'severity',
  'category',
  'detector',
  'kind',
  'redacted',
  'fingerprint',
  'object',
  'field',
  'occurrences',
  'objects',
  'first_seen_at',
  'last_seen_at',
  'sources',
] as const;

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading formula character is defused. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(e: ExposureView): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    id: e.id,
    state: e.state,
    severity: e.severity,
    category: e.category,
    detector: e.detector,
    kind: e.kind,
    redacted: e.redacted,
    fingerprint: e.fingerprint,
    object: e.object ? (e.object.bucket ? `s3://${e.object.bucket}/${e.object.key}` : e.object.key) : null,
    field: e.field,
    occurrences: e.occurrences,
    objects: e.objects,
    first_seen_at: e.first_seen_at,
    last_seen_at: e.last_seen_at,
    sources: e.sources.join(' '),
  };
  return `${CSV_COLUMNS.map((c) => cell(values[c])).join(',')}\r\n`;
}

const LEVEL: Record<string, string> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** One SARIF result per exposure: its detector as the rule, its state, counts and fingerprint. */
function sarifResult(e: ExposureView): string {
  return JSON.stringify({
    ruleId: e.detector,
    level: LEVEL[e.severity] ?? 'warning',
    message: {
      text: `${e.detector}${e.redacted ? ` ${e.redacted}` : ''}: ${e.occurrences} occurrence(s) in ${e.objects} object(s), ${e.state}`,
    },
    ...(e.object
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: e.object.bucket ? `s3://${e.object.bucket}/${e.object.key}` : e.object.key,
                },
              },
            },
          ],
        }
      : {}),
    ...(e.fingerprint ? { partialFingerprints: { 'dataScanner/v1': e.fingerprint } } : {}),
    ...(e.state === 'open'
      ? {}
      : { suppressions: [{ kind: 'external', status: 'accepted', justification: e.state }] }),
    properties: {
      exposureId: e.id,
      kind: e.kind,
      state: e.state,
      category: e.category,
      severity: e.severity,
      occurrences: e.occurrences,
      objects: e.objects,
      firstSeenAt: e.first_seen_at,
      lastSeenAt: e.last_seen_at,
    },
  });
}

/** What an exposure export states about itself: the filter, and whether the job it names is still running. */
export interface ExposureExportHeader {
  filter: ExposureFilter;
  sort: ExposureSort;
  /** The filter names a job that has not ended: the export holds what it found so far. */
  partial: boolean;
  exportedAt: string;
}

function writer(format: ExportFormat, head: ExposureExportHeader) {
  const partialNote = head.partial ? 'partial: the job filtered on is still running' : undefined;
  let n = 0;
  switch (format) {
    case 'csv':
      return {
        start: () => `${partialNote ? `# ${partialNote}\r\n` : ''}${CSV_COLUMNS.join(',')}\r\n`,
        item: csvLine,
        end: () => '',
      };
    case 'jsonl':
      return {
        start: () => `${JSON.stringify({ kind: 'export', ...head })}\n`,
        item: (e: ExposureView) => `${JSON.stringify(e)}\n`,
        end: () => '',
      };
    case 'json':
      return {
        start: () =>
          `{"filter":${JSON.stringify(head.filter)},"sort":${JSON.stringify(head.sort)},"partial":${head.partial},` +
          `"exported_at":${JSON.stringify(head.exportedAt)},"findings":[`,
        item: (e: ExposureView) => `${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(e)}`,
        end: () => `${n === 0 ? '' : '\n'}]}\n`,
      };
    case 'sarif':
      return {
        start: () =>
          '{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{' +
          '"tool":{"driver":{"name":"data-scanner","informationUri":"https://github.com/data-scanner"}},' +
          `"automationDetails":${JSON.stringify({
            id: 'data-scanner/findings',
            description: { text: partialNote ?? 'exposures across jobs' },
            properties: { filter: head.filter, sort: head.sort, partial: head.partial },
          })},"results":[`,
        item: (e: ExposureView) => `${n++ === 0 ? '\n' : ',\n'}${sarifResult(e)}`,
        end: () => `${n === 0 ? '' : '\n'}]}]}\n`,
      };
  }
}

/**
 * A filtered `GET /findings` view as one document, read a batch at a time in the view's order
 * (each batch its own keyset query, so memory holds one batch whatever the number of exposures).
 */
export function exposureExportStream(
  store: PgExposureStore,
  tenantId: string,
  format: ExportFormat,
  head: ExposureExportHeader,
  options: { onError?: (err: unknown) => void } = {},
): ReadableStream<Uint8Array> {
  const w = writer(format, head);
  const encoder = new TextEncoder();
  let after: ExposureKey | undefined;
  let state: 'start' | 'rows' | 'done' = 'start';
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (state === 'start') {
            state = 'rows';
            return controller.enqueue(encoder.encode(w.start()));
          }
          const page = await store.list(tenantId, head.filter, head.sort, { limit: BATCH, after });
          let chunk = '';
          for (const row of page.rows) chunk += w.item(exposureView(row));
          if (page.next) after = page.next;
          else {
            chunk += w.end();
            state = 'done';
          }
          if (chunk !== '') controller.enqueue(encoder.encode(chunk));
          if (state === 'done') controller.close();
        } catch (err) {
          options.onError?.(err);
          throw err;
        }
      },
    },
    { highWaterMark: 1 },
  );
}
