-- API processes keep ended jobs' views in memory (`GET /jobs/{id}`): an ended job never changes in
-- the normal course, so any later write to it or its deletion (a tenant's cascade among them) is
-- announced, and a TRUNCATE as '*'. Running jobs' many writes announce nothing: the WHEN clause
-- looks at the row as it was, so the job's own ending is silent too (nothing cached it yet).
-- The statuses are FINAL_JOB_STATUSES of src/ports/job-store.ts.
CREATE FUNCTION ended_job_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('data_scanner_ended_jobs', '*');
  ELSE
    PERFORM pg_notify('data_scanner_ended_jobs', OLD.id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ended_job_changed AFTER UPDATE OR DELETE ON jobs FOR EACH ROW
  WHEN (OLD.status IN ('succeeded', 'partial', 'failed', 'cancelled'))
  EXECUTE FUNCTION ended_job_changed();

CREATE TRIGGER ended_jobs_truncated AFTER TRUNCATE ON jobs FOR EACH STATEMENT
  EXECUTE FUNCTION ended_job_changed();
