import { aggregateField, type Finding, type FindingAggregate } from '@data-scanner/detect';
import type pg from 'pg';
import { SEVERITIES, severityRankSql } from '../severity.ts';

/**
 * The grouping rule. A credential is one exposure per distinct value (detector and keyed
 * fingerprint) per tenant. Personal data folded into an aggregate is one exposure per object,
 * detector, archive member and field, holding the aggregate and the findings of the same group kept
 * one by one before folding began. Other personal data is one exposure per distinct value.
 */
export interface ExposureGroup {
  kind: 'value' | 'bulk';
  detector: string;
  category: string;
  severity: string;
  fingerprint: string | null;
  field: string | null;
  archive_path: string | null;
  redacted: string | null;
  /** Matches of this object in the group. */
  n: number;
}

const rank = (severity: string) => SEVERITIES.length - SEVERITIES.indexOf(severity as never);

/** The key of a group within one object (`groupKeyOfFinding`, `groupKeyOfAggregate`). */
function bulkKey(detector: string, archivePath: string | null, field: string | null): string {
  return `b\0${detector}\0${archivePath ?? ''}\0${field ?? ''}`;
}

const valueKey = (detector: string, fingerprint: string) => `v\0${detector}\0${fingerprint}`;

/** The group of an aggregate. */
export function groupKeyOfAggregate(a: FindingAggregate): string {
  return bulkKey(a.detector, a.archive_path ?? null, a.field ?? null);
}

/**
 * The groups of one object's findings and aggregates, and the group key of each finding (in order).
 * A non-credential finding joins a bulk group when the object has an aggregate of its detector,
 * archive member and field.
 */
export function exposureGroups(
  findings: readonly Finding[],
  aggregates: readonly FindingAggregate[],
): { groups: Map<string, ExposureGroup>; findingKeys: string[] } {
  const groups = new Map<string, ExposureGroup>();
  for (const a of aggregates) {
    const key = groupKeyOfAggregate(a);
    const group = groups.get(key);
    if (group) {
      group.n += a.count;
      continue;
    }
    groups.set(key, {
      kind: 'bulk',
      detector: a.detector,
      category: a.category,
      severity: a.severity,
      fingerprint: null,
      field: a.field ?? null,
      archive_path: a.archive_path ?? null,
      redacted: null,
      n: a.count,
    });
  }
  const findingKeys = findings.map((f) => {
    if (f.category !== 'credentials') {
      const key = bulkKey(f.detector, f.location.archive_path ?? null, aggregateField(f.location) ?? null);
      const bulk = groups.get(key);
      if (bulk) {
        bulk.n++;
        if (rank(f.severity) > rank(bulk.severity)) bulk.severity = f.severity;
        return key;
      }
    }
    const key = valueKey(f.detector, f.fingerprint);
    const group = groups.get(key);
    if (group) {
      group.n++;
      if (rank(f.severity) > rank(group.severity)) group.severity = f.severity;
    } else {
      groups.set(key, {
        kind: 'value',
        detector: f.detector,
        category: f.category,
        severity: f.severity,
        fingerprint: f.fingerprint,
        field: null,
        archive_path: null,
        redacted: f.redacted,
        n: 1,
      });
    }
    return key;
  });
  return { groups, findingKeys };
}

/**
 * `exposures.bulk_key` of a bulk group, in SQL: a hash of the object (`s3://bucket/key`, or the
 * job's source joined with the key), the detector, the archive member and the field.
 */
export const BULK_KEY_SQL = (locator: string, detector: string, archive: string, field: string) =>
  `encode(sha256(convert_to(jsonb_build_array(${locator}, ${detector}, ${archive}, ${field})::text, 'UTF8')), 'hex')`;

/** `s3://bucket/key` for S3 objects, else the job's source with the key appended. */
export const OBJECT_LOCATOR_SQL = (bucket: string, key: string, source: string) =>
  `(CASE WHEN ${bucket} IS NOT NULL THEN 's3://' || ${bucket} || '/' || ${key}
     ELSE rtrim(${source}, '/') || '/' || ${key} END)`;

const GROUP_RECORDSET = `kind text, detector text, category text, severity text, fingerprint text, field text,
  archive_path text, redacted text, n bigint`;

/**
 * `ON CONFLICT DO UPDATE` of an exposure found again (`excluded` holds what was just found). No
 * indexed column changes unless the severity rises, so PostgreSQL updates the row in place (HOT)
 * however many objects hold the value; the last seen time and the counts, which the inbox sorts by,
 * are set once per job by `settleExposures`.
 */
export const ON_SEEN = `last_job_id = excluded.last_job_id,
  severity = CASE WHEN excluded.severity_rank > exposures.severity_rank THEN excluded.severity ELSE exposures.severity END,
  severity_rank = greatest(exposures.severity_rank, excluded.severity_rank),
  category = excluded.category,
  redacted = coalesce(excluded.redacted, exposures.redacted),
  bucket = excluded.bucket, object_key = excluded.object_key,
  sources = CASE WHEN excluded.sources[1] = ANY (exposures.sources) THEN exposures.sources
    ELSE exposures.sources || excluded.sources END`;

/**
 * Creates or updates the exposures of one object's groups and counts the object in each one's
 * sighting for the job, in one statement; returns each group's exposure id by group key. Rows are
 * locked in one order (value exposures by detector and fingerprint, then bulk ones by key, then
 * sightings by exposure), so concurrent objects wait for each other rather than deadlock. Runs in
 * the object's transaction, which a redelivered object never repeats (its claim finds no PENDING row).
 */
export async function linkExposures(
  client: pg.PoolClient,
  jobId: string,
  object: { bucket: string | null; key: string },
  groups: Map<string, ExposureGroup>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (groups.size === 0) return ids;
  const { rows } = await client.query<{
    id: string;
    kind: 'value' | 'bulk';
    detector: string;
    fingerprint: string | null;
    field: string | null;
    archive_path: string | null;
  }>(
    `WITH job AS (SELECT id, tenant_id, source FROM jobs WHERE id = $1),
     g AS (SELECT g.*, ${severityRankSql('g.severity')} AS severity_rank,
             CASE WHEN g.kind = 'bulk' THEN ${BULK_KEY_SQL(
               OBJECT_LOCATOR_SQL('$2::text', '$3::text', 'job.source'),
               'g.detector',
               'g.archive_path',
               'g.field',
             )} END AS bulk_key
           FROM jsonb_to_recordset($4::jsonb) AS g(${GROUP_RECORDSET}), job),
     v AS (
       INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, fingerprint, redacted,
         bucket, object_key, first_job_id, last_job_id, occurrence_count, object_count, sources)
       SELECT job.tenant_id, 'value', g.detector, g.category, g.severity, g.severity_rank, g.fingerprint, g.redacted,
         $2, $3, job.id, job.id, g.n, 1, ARRAY[job.source]
       FROM g, job WHERE g.kind = 'value' ORDER BY g.detector, g.fingerprint
       ON CONFLICT (tenant_id, detector, fingerprint) WHERE kind = 'value' DO UPDATE SET ${ON_SEEN}
       RETURNING id, kind, detector, fingerprint, field, archive_path),
     b AS (
       INSERT INTO exposures (tenant_id, kind, detector, category, severity, severity_rank, bulk_key, bucket,
         object_key, field, archive_path, first_job_id, last_job_id, occurrence_count, object_count, sources)
       SELECT job.tenant_id, 'bulk', g.detector, g.category, g.severity, g.severity_rank, g.bulk_key, $2, $3,
         g.field, g.archive_path, job.id, job.id, g.n, 1, ARRAY[job.source]
       FROM g, job WHERE g.kind = 'bulk' ORDER BY g.bulk_key
       ON CONFLICT (tenant_id, bulk_key) WHERE kind = 'bulk' DO UPDATE SET ${ON_SEEN}
       RETURNING id, kind, detector, fingerprint, field, archive_path),
     linked AS (SELECT * FROM v UNION ALL SELECT * FROM b),
     counted AS (
       INSERT INTO exposure_sightings (job_id, exposure_id, occurrence_count, object_count)
       SELECT $1, l.id, g.n, 1 FROM linked l JOIN g ON g.kind = l.kind AND g.detector = l.detector
         AND g.fingerprint IS NOT DISTINCT FROM l.fingerprint AND g.field IS NOT DISTINCT FROM l.field
         AND g.archive_path IS NOT DISTINCT FROM l.archive_path
       ORDER BY l.id
       ON CONFLICT (job_id, exposure_id) DO UPDATE SET
         occurrence_count = exposure_sightings.occurrence_count + excluded.occurrence_count,
         object_count = exposure_sightings.object_count + 1)
     SELECT * FROM linked`,
    [jobId, object.bucket, object.key, JSON.stringify([...groups.values()])],
  );
  for (const r of rows) {
    ids.set(
      r.kind === 'bulk'
        ? bulkKey(r.detector, r.archive_path, r.field)
        : valueKey(r.detector, r.fingerprint ?? ''),
      r.id,
    );
  }
  return ids;
}
