import { z } from '@hono/zod-openapi';
import { SEVERITIES } from '../severity.ts';
import { LocationSchema, ObjectRefSchema } from './schemas.ts';

/** States of an exposure: `open` and `resolved` are the scanner's, the others a person's. */
export const EXPOSURE_STATES = ['open', 'resolved', 'false_positive', 'accepted_risk', 'revoked'] as const;
export type ExposureState = (typeof EXPOSURE_STATES)[number];

/** States a later scan leaves alone: found again, they are counted as suppressed and not notified. */
export const SUPPRESSED_STATES: readonly ExposureState[] = ['false_positive', 'accepted_risk', 'revoked'];

/** Orders of `GET /findings`. */
export const EXPOSURE_SORTS = [
  'severity',
  '-severity',
  'lastSeen',
  '-lastSeen',
  'firstSeen',
  '-firstSeen',
  'count',
  '-count',
] as const;
export type ExposureSort = (typeof EXPOSURE_SORTS)[number];

export const ExposureSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['value', 'bulk']).openapi({
      description:
        '`value`: one distinct value (detector and keyed fingerprint) wherever it occurs; `bulk`: personal data ' +
        'folded into an aggregate, one per object, detector and field',
    }),
    detector: z.string(),
    category: z.string(),
    severity: z.enum(SEVERITIES).openapi({ description: 'The highest severity seen' }),
    state: z.enum(EXPOSURE_STATES),
    state_changed_at: z.string().nullable().openapi({ format: 'date-time' }),
    redacted: z
      .string()
      .nullable()
      .openapi({ example: 'AKIA************MPLE', description: 'Masked preview (value kind only)' }),
    fingerprint: z.string().nullable().openapi({ description: 'Keyed fingerprint (value kind only)' }),
    object: ObjectRefSchema.nullable().openapi({
      description: 'Bulk: its object. Value: the object it was last seen in',
    }),
    field: z
      .string()
      .nullable()
      .openapi({ description: 'Bulk: CSV column or JSON path (`[*]` for indexes); null: the whole object' }),
    archive_path: z.string().nullable(),
    occurrences: z
      .number()
      .int()
      .openapi({ description: 'Matches in the last job that found it (bulk: the exact count)' }),
    objects: z.number().int().openapi({ description: 'Objects it occurs in, in the last job that found it' }),
    sources: z.array(z.string()).openapi({ description: 'Sources of the jobs that found it' }),
    first_seen_at: z.string().openapi({ format: 'date-time' }),
    last_seen_at: z.string().openapi({ format: 'date-time' }),
    first_job_id: z.string().uuid().nullable(),
    last_job_id: z.string().uuid().nullable(),
  })
  .openapi('Exposure');
export type ExposureView = z.infer<typeof ExposureSchema>;

export const ExposureListSchema = z
  .object({ items: z.array(ExposureSchema), next_cursor: z.string().nullable() })
  .openapi('ExposureList');

export const ExposureHistoryEntrySchema = z
  .object({
    at: z.string().openapi({ format: 'date-time' }),
    actor: z.string().openapi({
      description: "The API key's name, the JWT subject, `scanner` or `baseline:<name>`",
      example: 'ci-key',
    }),
    from_state: z.enum(EXPOSURE_STATES).nullable(),
    to_state: z.enum(EXPOSURE_STATES),
    note: z.string().nullable(),
    job_id: z.string().uuid().nullable(),
  })
  .openapi('ExposureHistoryEntry');
export type ExposureHistoryEntryView = z.infer<typeof ExposureHistoryEntrySchema>;

export const OccurrenceSchema = z
  .object({
    kind: z.enum(['finding', 'aggregate']).openapi({
      description: '`finding`: one match; `aggregate`: matches counted in one field of one object',
    }),
    id: z.string(),
    job_id: z.string().uuid(),
    object: ObjectRefSchema,
    location: z
      .union([LocationSchema, z.null()])
      .openapi({ description: 'Finding: where it is; null for an aggregate' }),
    redacted: z.string().nullable(),
    field: z.string().nullable(),
    count: z.number().int().openapi({ description: '1 for a finding; the exact count of an aggregate' }),
    samples: z.array(LocationSchema).openapi({ description: 'Aggregate: where its first matches are' }),
    seen_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Occurrence');
export type OccurrenceView = z.infer<typeof OccurrenceSchema>;

export const ExposureDetailSchema = ExposureSchema.extend({
  remediation: z.string().openapi({ description: 'What to do about it' }),
  history: z.array(ExposureHistoryEntrySchema).openapi({ description: 'State changes, newest first' }),
  occurrences_page: z
    .object({ items: z.array(OccurrenceSchema), next_cursor: z.string().nullable() })
    .openapi({ description: 'Occurrences across jobs and objects, newest first (`limit`, `cursor`)' }),
}).openapi('ExposureDetail');
export type ExposureDetailView = z.infer<typeof ExposureDetailSchema>;

export const TriageResultSchema = z
  .object({
    updated: z.number().int().openapi({ description: 'Exposures whose state changed' }),
    unchanged: z.number().int().openapi({ description: 'Exposures already in that state' }),
    not_found: z.number().int().openapi({ description: "Ids that are not the caller's exposures" }),
  })
  .openapi('TriageResult');
export type TriageResultView = z.infer<typeof TriageResultSchema>;

export const BaselineImportSchema = z
  .object({
    baseline_id: z.string().uuid(),
    name: z.string(),
    entries: z.number().int().openapi({ description: 'Entries in the file' }),
    values: z.number().int().openapi({ description: 'Distinct values (detector and fingerprint)' }),
    suppressed: z.number().int().openapi({ description: 'Exposures made or marked accepted_risk' }),
  })
  .openapi('BaselineImport');
export type BaselineImportView = z.infer<typeof BaselineImportSchema>;
