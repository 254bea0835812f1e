import type { ApiError } from '../api/api-error.ts';
import type { components } from '../api/openapi.ts';
import { splitList } from '../ui/format.ts';

/** The fields of a scan, shared by the new scan and the new schedule forms. */
export const SCAN_FIELDS = ['source', 'name', 'detectors', 'exclude'] as const;
export type ScanField = (typeof SCAN_FIELDS)[number];

/** What the forms show for the scan fields. */
export const SCAN_FIELD_TEXT: Record<ScanField, { label: string; hint: string }> = {
  source: {
    label: 'Source',
    hint: 's3://bucket/prefix or file:///absolute/path (local roots must be allowed by the server).',
  },
  name: { label: 'Name (optional)', hint: 'A label for the jobs list.' },
  detectors: {
    label: 'Detectors (optional)',
    hint: 'Detector ids separated by commas; empty runs them all.',
  },
  exclude: {
    label: 'Exclude (optional)',
    hint: 'Glob patterns, one per line or separated by commas, e.g. **/*.log',
  },
};

/** The scan part of a `POST /scan` or `POST /schedules` body from the form's text. */
export function scanRequest(values: Record<ScanField, string>): components['schemas']['ScanRequest'] {
  const detectors = splitList(values.detectors);
  const exclude = splitList(values.exclude);
  return {
    source: values.source.trim(),
    ...(values.name.trim() ? { name: values.name.trim() } : {}),
    ...(detectors.length ? { detectors } : {}),
    ...(exclude.length ? { exclude } : {}),
  };
}

/** The API's messages per form field, for the fields it names. */
export function errorsByField<F extends string>(
  err: ApiError,
  fields: readonly F[],
): Partial<Record<F, string[]>> {
  const byField: Partial<Record<F, string[]>> = {};
  for (const f of fields) {
    const msgs = err.forField(f);
    if (msgs.length) byField[f] = msgs;
  }
  return byField;
}
