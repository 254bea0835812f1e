/**
 * The detection engine's public contract. Other packages (service, web) depend on these
 * shapes; change them only together with their users.
 */

export type Category = 'credentials' | 'financial' | 'personal' | 'national-id' | 'health' | 'network';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Where a finding sits inside an object. Offsets are byte offsets into the decoded text segment. */
export interface Location {
  byte_start: number;
  byte_end: number;
  /** 1-based line number. */
  line: number;
  /** 1-based column (in characters). */
  column: number;
  json_path?: string;
  record_index?: number;
  /** 1-based data row of a CSV/TSV file (the header row is not counted). */
  row?: number;
  /** 0-based column index of a CSV/TSV cell. */
  column_index?: number;
  column_name?: string;
  /** 1-based page of a PDF. */
  page?: number;
  /** Path of the member inside an archive, `outer.zip!inner.tar!file.txt` style. */
  archive_path?: string;
  /** Worksheet name of a spreadsheet (XLSX, ODS). */
  sheet?: string;
  /** A1-style cell reference inside `sheet`. */
  cell?: string;
  /** 1-based slide of a presentation (PPTX, ODP). */
  slide?: number;
  /**
   * Part of a document or message: `document`, `header1`, `footer2`, `comments`, `notes`,
   * a slide's shape name, an e-mail header name or MIME part path (`1.2`).
   */
  part?: string;
  /** 1-based paragraph of a word-processing part. */
  paragraph?: number;
  /** 0-based row group of a Parquet file (stripe of an ORC file). */
  row_group?: number;
  /** 0-based message of a mailbox. */
  message_index?: number;
}

/** A finding never carries the raw matched value: only `redacted` and `fingerprint`. */
export interface Finding {
  detector: string;
  category: Category;
  severity: Severity;
  /** 0..1 */
  confidence: number;
  location: Location;
  /** Masked preview, e.g. `AKIA************MPLE`. */
  redacted: string;
  /** Keyed HMAC-SHA-256 of the raw value (hex), so equal secrets group together. */
  fingerprint: string;
}

/**
 * Per-object outcome. COMPLETE: scanned fully; PARTIAL: scanned in part; SKIPPED: not scanned by
 * design (binary, not a regular file, outside the roots); FAILED: could not be read.
 */
export type ObjectStatus = 'COMPLETE' | 'PARTIAL' | 'SKIPPED' | 'FAILED';

export type ReasonCode =
  | 'UNSUPPORTED_BINARY'
  | 'ARCHIVE_TOO_DEEP'
  | 'DECOMPRESSED_SIZE_EXCEEDED'
  | 'COMPRESSION_RATIO_EXCEEDED'
  | 'ARCHIVE_MEMBER_LIMIT'
  | 'CORRUPT_ARCHIVE'
  | 'CORRUPT_DATA'
  | 'ENCRYPTED_ARCHIVE'
  | 'OBJECT_TOO_LARGE'
  /** No longer produced (a findings cap used to end the object early); kept for stored results. */
  | 'FINDINGS_LIMIT'
  /** Part of the content looked binary and was passed over; the text around it was scanned. */
  | 'BINARY_CONTENT'
  | 'EXCLUDED'
  | 'READ_ERROR'
  | 'TIMEOUT'
  /** A format this build recognises but does not read (legacy Office, ORC): named in the detail. */
  | 'UNSUPPORTED_FORMAT'
  /** An encrypted document (PDF with a password, encrypted OOXML). */
  | 'ENCRYPTED'
  /** A PDF whose pages carry no text (scanned images; OCR is not in scope). */
  | 'NO_TEXT_LAYER'
  | 'CORRUPT_PARQUET'
  | 'CORRUPT_AVRO'
  | 'CORRUPT_PDF'
  | 'CORRUPT_DOCUMENT'
  | 'CORRUPT_EMAIL'
  | 'ACCESS_DENIED'
  | 'NOT_FOUND'
  | 'NOT_REGULAR_FILE'
  | 'BROKEN_SYMLINK'
  | 'OUTSIDE_ROOT';

export interface ObjectScanResult {
  status: ObjectStatus;
  /** Set whenever status is not COMPLETE (the first limit or fault hit). */
  reason?: ReasonCode;
  /** Human-readable detail for `reason`; never contains scanned content. */
  reason_detail?: string;
  /** Every credential finding, and personal data up to `aggregateThreshold` per detector and field. */
  findings: Finding[];
  /**
   * Matches folded into one record per detector and field once that group passed
   * `aggregateThreshold` individual findings; each holds an exact count. Absent or empty: none.
   */
  aggregates?: FindingAggregate[];
  /** Bytes read from the source object (compressed size for archives). */
  bytes_read: number;
  /** Bytes of decoded text that went through the detectors. */
  bytes_scanned: number;
}

/**
 * Matches of one non-credential detector in one field of an object beyond `aggregateThreshold`:
 * counted exactly and sampled rather than listed one by one. None of them is in `findings`.
 */
export interface FindingAggregate {
  detector: string;
  category: Category;
  severity: Severity;
  /** CSV column name (`#3` when unnamed) or JSON path with `[*]` for indexes; absent: the whole object or member. */
  field?: string;
  archive_path?: string;
  /** Exactly how many matches were folded into this record. */
  count: number;
  /** Where the first folded matches are (at most `aggregateSamples`). */
  samples: Location[];
  /** The `aggregateThreshold` that applied: individual findings kept before folding began. */
  threshold: number;
}

/** Context handed to a detector's validator. */
export interface MatchContext {
  /** Up to ~64 characters before and after the match, lower-cased. */
  before: string;
  after: string;
  /** JSON key path or CSV column name of the enclosing field, when the format knows it. */
  fieldName?: string;
}

export interface ValidationResult {
  valid: boolean;
  /** Overrides the detector's base confidence when set. */
  confidence?: number;
}

/**
 * A detector: one kind of secret or personal data. Detectors are data plus small pure
 * functions; the engine owns scanning, prefiltering, context scoring, masking and fingerprints.
 */
export interface Detector {
  /** Stable kebab-case id, e.g. `aws-access-key-id`. */
  id: string;
  name: string;
  category: Category;
  severity: Severity;
  /**
   * Lower-case literals; the pattern only runs where one of these occurs (prefilter).
   * Empty means the detector needs no keyword and is always run.
   */
  keywords: string[];
  /**
   * Must carry the `g` flag and be linear-time safe (no backreferences, no lookbehind,
   * bounded repetition). The value is capture group `valueGroup` (default 0).
   */
  pattern: RegExp;
  valueGroup?: number;
  /** Checksum/structure/entropy/placeholder checks on the raw value. */
  validate?: (value: string, ctx: MatchContext) => boolean | ValidationResult;
  /** Words near the match (or in the field name) that raise confidence. */
  contextWords?: string[];
  /** When true, a match with no context word nearby is dropped (e.g. date of birth). */
  requireContext?: boolean;
  /** Confidence without context, 0..1. */
  baseConfidence: number;
  /**
   * For keyword-less detectors: the structural prefilter only runs the pattern around digit
   * runs with at least `minDigits` digits (with `shape: 'dotted-quad'`, and three dots), or,
   * with `shape: 'colons'`, around IPv6-like colons. Without it the pattern runs on all text.
   */
  structural?: { minDigits: number; shape?: 'dotted-quad' | 'colons' };
  /**
   * For a detector whose every match holds its keyword (an email its `@`): the value reaches
   * from the keyword through `before` characters back (at most `maxBefore`) and `after`
   * characters on (at most `maxAfter` past the keyword), so the pattern runs on that span
   * alone rather than on a fixed window around the keyword. Classes are regex class bodies
   * (`A-Za-z0-9._-`, `^\\s/`) over single UTF-16 units, as in a pattern without the `u` flag.
   */
  span?: { before: string; maxBefore: number; after: string; maxAfter: number };
  /**
   * A catch-all detector (a secret assigned to a password-like name, HTTP Basic credentials, a
   * URL's password): its finding is dropped where a specific detector finds a value at an
   * overlapping span of the same text, so `password=ghp_...` is reported once, as a GitHub
   * token, and `Authorization: Basic <JWT>` as a JWT. The specific match counts when it passes
   * its validator and context rule, even if the marker or allowlist then hides it. @default false
   */
  generic?: boolean;
  /**
   * Also tried on values whose only evidence is the name of their field (a CSV column, a SQL
   * column): the pattern and validator see `name="value"`, so the detector's own key-name rules
   * decide which names count. A name under which it rejects a strong password (`KEYED_PROBE`)
   * only describes a secret (`password_hash`, `token_type`): that field's values are not tried.
   * @default false
   */
  fieldKeyed?: boolean;
  /** How many leading/trailing characters the masked preview keeps. @default 4/4, less for short values */
  mask?: { keepStart: number; keepEnd: number };
  description?: string;
  /** What the validator checks, for the catalogue listing (`CRC32 checksum, entropy`, `Luhn`). */
  validator?: string;
  /**
   * The value's shape for the catalogue listing, never a live-looking value:
   * `` `ghp_` + 30 base62 + 6-character CRC32 ``.
   */
  example?: string;
}

/** Limits that keep hostile input (bombs, deep nesting, huge members) bounded. */
export interface ScanLimits {
  /** Nesting of archives/compression inside an object. @default 5 */
  maxArchiveDepth: number;
  /** Total decompressed bytes per object across every layer. @default 1 GiB */
  maxDecompressedBytes: number;
  /** Decompressed/compressed ratio per layer, checked once 16 MiB came out of that layer. @default 200 */
  maxCompressionRatio: number;
  /** Archive members per object. @default 10000 */
  maxArchiveMembers: number;
  /**
   * Individual findings kept per (detector, field) group of an object before further matches of a
   * non-credential detector are folded into one aggregate with an exact count. Credentials are
   * never folded, and no limit ends reading. @default 100
   */
  aggregateThreshold: number;
  /** Sample locations kept in each aggregate. @default 10 */
  aggregateSamples: number;
}

/** Values and places that must not be reported. */
export interface AllowlistConfig {
  /** Regular expressions (source text) tested against the raw matched value. */
  patterns?: string[];
  /** Fingerprints (hex, computed with the same key) of accepted values. */
  fingerprints?: string[];
  /** Globs on the object key or archive member path (`**` crosses folders). */
  paths?: string[];
}
