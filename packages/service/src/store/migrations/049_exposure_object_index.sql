-- `GET /findings?object=` matches bulk exposures by their own object: a prefix range in "C" order.
CREATE INDEX exposures_tenant_object ON exposures (tenant_id, (object_key COLLATE "C"));
