-- Budgets and sampling of a job (POST /scan `budget`, `sample`).
-- `budget` {max_bytes?, max_objects?, max_cost_usd?}: an object starts only while the objects and
-- bytes already started stay under it (`budget_objects_started`, `budget_bytes_started`); once it is
-- reached the job ends PARTIAL with reason BUDGET_EXCEEDED, after the objects in flight finish.
-- `sample` {fraction?, max_objects_per_prefix?, max_bytes_per_object?}: objects left out by the
-- sample are counted in `objects_sampled_out`, never stored one by one.

ALTER TABLE jobs
  ADD COLUMN budget jsonb,
  ADD COLUMN budget_objects_started bigint NOT NULL DEFAULT 0,
  ADD COLUMN budget_bytes_started bigint NOT NULL DEFAULT 0,
  ADD COLUMN budget_exceeded boolean NOT NULL DEFAULT false,
  ADD COLUMN sample jsonb,
  ADD COLUMN objects_sampled_out bigint NOT NULL DEFAULT 0;
