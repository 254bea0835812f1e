-- Where a finding sits in a document or data file (sheet and cell, page, slide and shape,
-- part and paragraph, Parquet row group, mailbox message): the location fields that plain
-- text has no use for, kept together so a new kind of location needs no new column.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS location_detail jsonb;
