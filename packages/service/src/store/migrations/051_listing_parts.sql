-- Listing a job in parts, each part by its own queue message (so several workers list one job):
-- the prefixes of an S3 source (delimiter fan-out) or the data files of an S3 Inventory manifest.
-- Part 0 is the plan message itself; it registers every other part before it is done, so the
-- job's listing ends (listing -> scanning) exactly once, when the last part is done.
-- `jobs.inventory`: the manifest.json an inventory-listed job reads instead of ListObjectsV2.

ALTER TABLE jobs ADD COLUMN inventory text;

CREATE TABLE job_listing_parts (
  job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  part integer NOT NULL,
  -- 'root', 'prefix' (ref: the S3 prefix) or 'inventory' (ref: the data file's key; format).
  kind text NOT NULL,
  ref text NOT NULL DEFAULT '',
  format text,
  -- Shard numbers the part reserved: a part listed again (a redelivery) re-sends them, so a shard
  -- the first attempt filled but never sent is still scanned.
  shards integer[] NOT NULL DEFAULT '{}',
  objects_unchanged bigint NOT NULL DEFAULT 0,
  objects_sampled_out bigint NOT NULL DEFAULT 0,
  done boolean NOT NULL DEFAULT false,
  PRIMARY KEY (job_id, part)
);
