-- Per-tenant notification settings, and one delivery row per channel of each outbox event so a
-- channel that fails is retried alone (a webhook that succeeded is never sent again).
CREATE TABLE notification_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  notify_when text NOT NULL DEFAULT 'findings' CHECK (notify_when IN ('finished', 'findings')),
  min_severity text NOT NULL DEFAULT 'high'
    CHECK (min_severity IN ('critical', 'high', 'medium', 'low', 'info')),
  webhook_url text,
  webhook_slack boolean NOT NULL DEFAULT false,
  webhook_secret text NOT NULL,
  email_to text,
  sms_to text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- pending → dispatched (deliveries made) → delivered | dead | skipped (no channel applied).
ALTER TABLE outbox
  ADD COLUMN status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'dispatched', 'delivered', 'dead', 'skipped')),
  ADD COLUMN dead_at timestamptz;
CREATE INDEX outbox_status ON outbox (status, available_at, id) WHERE status = 'pending';

CREATE TABLE notification_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outbox_id bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('webhook', 'email', 'sms')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  delivered_at timestamptz,
  dead_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (outbox_id, channel)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (available_at, id) WHERE status = 'pending';
