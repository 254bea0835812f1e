-- The PostgreSQL queue (SQS semantics) and its dead-letter table.

CREATE TABLE queue_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL,
  body text NOT NULL,
  receive_count integer NOT NULL DEFAULT 0,
  receipt uuid,
  visible_at timestamptz NOT NULL DEFAULT now(),
  first_received_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_messages_ready ON queue_messages (queue, visible_at, id);

CREATE TABLE queue_dead_letters (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL,
  message_id bigint NOT NULL,
  body text NOT NULL,
  receive_count integer NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL,
  dead_lettered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_dead_letters_queue ON queue_dead_letters (queue, id);
