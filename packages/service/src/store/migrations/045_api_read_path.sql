-- The API's read path: a job's findings summary kept on its row, and API key changes announced.

-- Matches counted by severity, category and detector (findings rows plus aggregates' match_count),
-- kept up to date by the statements that insert them, so `GET /jobs/{id}` reads one row.
ALTER TABLE jobs ADD COLUMN finding_counts jsonb NOT NULL
  DEFAULT '{"by_severity": {}, "by_category": {}, "by_detector": {}}';

-- `counts` plus `added`, key by key, in each of the three dimensions.
CREATE FUNCTION finding_counts_add(counts jsonb, added jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_object_agg(dim, coalesce((
    SELECT jsonb_object_agg(k, n) FROM (
      SELECT k, sum(n)::bigint AS n FROM (
        SELECT key AS k, value::bigint AS n FROM jsonb_each_text(counts -> dim)
        UNION ALL
        SELECT key, value::bigint FROM jsonb_each_text(added -> dim)) AS both_sides
      GROUP BY k) AS summed), '{}'::jsonb))
  FROM unnest(ARRAY['by_severity', 'by_category', 'by_detector']) AS dim
$$;

CREATE FUNCTION findings_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH grouped AS (
    SELECT job_id, severity, category, detector, count(*) AS n FROM added
    GROUP BY GROUPING SETS ((job_id, severity), (job_id, category), (job_id, detector))),
  per_job AS (
    SELECT job_id, jsonb_build_object(
      'by_severity', coalesce(jsonb_object_agg(severity, n) FILTER (WHERE severity IS NOT NULL), '{}'),
      'by_category', coalesce(jsonb_object_agg(category, n) FILTER (WHERE category IS NOT NULL), '{}'),
      'by_detector', coalesce(jsonb_object_agg(detector, n) FILTER (WHERE detector IS NOT NULL), '{}')) AS counts
    FROM grouped GROUP BY job_id)
  UPDATE jobs SET finding_counts = finding_counts_add(jobs.finding_counts, per_job.counts)
  FROM per_job WHERE jobs.id = per_job.job_id;
  RETURN NULL;
END $$;

CREATE FUNCTION finding_aggregates_counted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH grouped AS (
    SELECT job_id, severity, category, detector, sum(match_count) AS n FROM added
    GROUP BY GROUPING SETS ((job_id, severity), (job_id, category), (job_id, detector))),
  per_job AS (
    SELECT job_id, jsonb_build_object(
      'by_severity', coalesce(jsonb_object_agg(severity, n) FILTER (WHERE severity IS NOT NULL), '{}'),
      'by_category', coalesce(jsonb_object_agg(category, n) FILTER (WHERE category IS NOT NULL), '{}'),
      'by_detector', coalesce(jsonb_object_agg(detector, n) FILTER (WHERE detector IS NOT NULL), '{}')) AS counts
    FROM grouped GROUP BY job_id)
  UPDATE jobs SET finding_counts = finding_counts_add(jobs.finding_counts, per_job.counts)
  FROM per_job WHERE jobs.id = per_job.job_id;
  RETURN NULL;
END $$;

CREATE TRIGGER findings_counted AFTER INSERT ON findings
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION findings_counted();
CREATE TRIGGER finding_aggregates_counted AFTER INSERT ON finding_aggregates
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION finding_aggregates_counted();

-- Jobs recorded before this migration.
WITH matches AS (
  SELECT job_id, severity, category, detector, 1::bigint AS n FROM findings
  UNION ALL
  SELECT job_id, severity, category, detector, match_count FROM finding_aggregates),
grouped AS (
  SELECT job_id, severity, category, detector, sum(n) AS n FROM matches
  GROUP BY GROUPING SETS ((job_id, severity), (job_id, category), (job_id, detector))),
per_job AS (
  SELECT job_id, jsonb_build_object(
    'by_severity', coalesce(jsonb_object_agg(severity, n) FILTER (WHERE severity IS NOT NULL), '{}'),
    'by_category', coalesce(jsonb_object_agg(category, n) FILTER (WHERE category IS NOT NULL), '{}'),
    'by_detector', coalesce(jsonb_object_agg(detector, n) FILTER (WHERE detector IS NOT NULL), '{}')) AS counts
  FROM grouped GROUP BY job_id)
UPDATE jobs SET finding_counts = per_job.counts FROM per_job WHERE jobs.id = per_job.job_id;

-- API processes keep key lookups in memory and drop a prefix's entry when this announces it
-- (revoked, deleted, created, rehashed); `last_used_at` writes announce nothing.
CREATE FUNCTION api_key_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('data_scanner_api_keys', OLD.prefix); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('data_scanner_api_keys', NEW.prefix); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER api_key_changed AFTER INSERT OR DELETE OR UPDATE OF prefix, key_hash, tenant_id, revoked_at
  ON api_keys FOR EACH ROW EXECUTE FUNCTION api_key_changed();
