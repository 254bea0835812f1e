-- Recurring scans. `next_fire_at` is the next tick in the schedule's time zone; the scheduler
-- fires due rows and moves it past now(), so a long downtime fires one tick, not one per miss.
CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name text,
  source text NOT NULL,
  cron text NOT NULL,
  timezone text NOT NULL,
  detectors text[],
  exclude text[] NOT NULL DEFAULT '{}',
  next_fire_at timestamptz NOT NULL,
  last_fired_at timestamptz,
  last_job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schedules_due ON schedules (next_fire_at);
CREATE INDEX schedules_tenant_created ON schedules (tenant_id, created_at, id);

-- One row per fired tick: the primary key makes a tick fire once even when two schedulers race.
CREATE TABLE schedule_fires (
  schedule_id uuid NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
  fire_at timestamptz NOT NULL,
  job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
  -- Set once the job's plan message is on the queue; a fire left unset is enqueued again.
  enqueued_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schedule_id, fire_at)
);
CREATE INDEX schedule_fires_unqueued ON schedule_fires (created_at) WHERE enqueued_at IS NULL;
