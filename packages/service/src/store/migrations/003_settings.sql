-- Installation-wide settings, e.g. the generated fingerprint key when FINGERPRINT_KEY is not set.
CREATE TABLE settings (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
