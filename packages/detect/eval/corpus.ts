import { chars, createRng, DIGITS, HEX, int, LOWER, pick, type Rng } from './random.ts';
import { NEAR_MISSES, type Planted, TRUE_VALUES } from './values.ts';

/** One planted true value: the file it sits in, the detector that must find it, the raw value. */
export interface Label {
  file: string;
  detector: string;
  value: string;
}

/** A corpus in memory: file name → text (before compression/archiving), and its labels. */
export interface TextCorpus {
  files: Map<string, string>;
  labels: Label[];
}

export interface CorpusOptions {
  /** @default 20260101 */
  seed?: number;
  /** True values per detector. @default 40 */
  perDetector?: number;
  /** Instances of each near-miss kind. @default 20 */
  nearMissesPer?: number;
}

/** Logical text files; the writer turns some of them into gz/zip/tar members. */
export const TEXT_FILES = [
  'notes.txt',
  'records.csv',
  'records.tsv',
  'config.json',
  'events.jsonl',
  'people.csv',
  'archived/notes-a.txt',
  'archived/records-b.csv',
  'archived/events-c.jsonl',
  'compressed/notes-d.txt',
  'utf16/notes-e.txt',
  'nested/notes-f.txt',
] as const;

/** Detectors whose values are bare cells in `people.csv` (context from the column name). */
const PEOPLE_COLUMNS: Record<string, string> = {
  email: 'email',
  'phone-number': 'phone',
  'us-ssn': 'ssn',
  'payment-card': 'card_number',
  iban: 'iban',
  'ipv4-address': 'last_login_ip',
  'uk-nhs-number': 'nhs_number',
  'canada-sin': 'sin',
  'nl-bsn': 'bsn',
  'aba-routing-number': 'routing_number',
};

/** Detectors whose bare value means nothing without its surrounding text (kept as a note in JSON). */
const NOTE_ONLY_IN_JSON = new Set([
  'gcp-service-account',
  'url-credentials',
  'http-basic-auth',
  'azure-storage-connection-string',
  // Values bound to their file's syntax: a JSON field of the same name is another format.
  'connection-string-password',
  'oracle-connection-password',
  'docker-registry-auth',
  'netrc-password',
  'pgpass-password',
  'postfix-sasl-password',
  'magento-crypt-key',
  'cisco-type7-password',
  'snmp-community-string',
  'django-secret-key',
  'flask-secret-key',
  'rails-secret-key-base',
  'rails-master-key',
  'wordpress-salt',
  'php-define-password',
  'symfony-app-secret',
  'spring-password',
  // A DSN's key alone (32 hex) is not a DSN: the URL around it is what names it.
  'sentry-dsn',
  // A password means nothing alone: the command line around it is what names it.
  'mysql-command-password',
  'curl-user-password',
  'docker-login-password',
  'command-line-password',
  'server-command-password',
  // A session id is a session cookie only inside its Cookie header.
  'session-cookie',
  // Values bound to their setting's syntax (a JAAS option, a Composer host map, FileZilla's XML).
  'user-info-password',
  'filezilla-password',
  'kafka-jaas-user-password',
  'composer-auth-token',
  // A password in a sentence is one only with the sentence.
  'password-in-prose',
]);

function filler(rng: Rng): string {
  return pick(rng, [
    () => `Meeting moved to ${int(rng, 1, 12)}:${int(rng, 10, 59)} in room ${int(rng, 100, 999)}.`,
    () =>
      `Order #${chars(rng, DIGITS, 7)} shipped on ${int(rng, 2019, 2025)}-0${int(rng, 1, 9)}-1${int(rng, 0, 9)}.`,
    () =>
      `Build ${chars(rng, HEX, 12)} passed in ${int(rng, 10, 99)}.${int(rng, 0, 9)}s on node v20.${int(rng, 0, 19)}.${int(rng, 0, 9)}`,
    () =>
      `Total: $${int(rng, 1, 9)},${chars(rng, DIGITS, 3)}.${chars(rng, DIGITS, 2)} for ${int(rng, 2, 40)} items`,
    () =>
      `timestamp=${int(rng, 2020, 2025)}-0${int(rng, 1, 9)}-1${int(rng, 0, 9)}T1${int(rng, 0, 9)}:${int(rng, 10, 59)}:${int(rng, 10, 59)}Z level=info msg="request served"`,
    () => `The ${chars(rng, LOWER, 6)} service answered ${int(rng, 200, 504)} after ${int(rng, 1, 900)} ms`,
    () => `See section ${int(rng, 1, 9)}.${int(rng, 1, 9)} of the handbook, page ${int(rng, 1, 300)}.`,
    () =>
      `uuid ${chars(rng, HEX, 8)}-${chars(rng, HEX, 4)}-4${chars(rng, HEX, 3)}-8${chars(rng, HEX, 3)}-${chars(rng, HEX, 12)}`,
  ])();
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const jsonEscaped = (s: string) => JSON.stringify(s).slice(1, -1);

interface Item {
  kind: 'true' | 'near';
  detector?: string;
  planted?: Planted;
  text: string;
}

function render(file: string, items: Item[], rng: Rng, labels: Label[]): string {
  const lines: string[] = [];
  const label = (it: Item, value: string) => {
    if (it.kind === 'true' && it.detector) labels.push({ file, detector: it.detector, value });
  };
  if (file.endsWith('.csv') || file.endsWith('.tsv')) {
    const sep = file.endsWith('.tsv') ? '\t' : ',';
    lines.push(['id', 'note', 'status'].join(sep));
    items.forEach((it, i) => {
      const text = sep === '\t' ? it.text.replaceAll('\t', ' ') : it.text;
      lines.push(
        [String(i + 1), sep === '\t' ? text : csvCell(text), pick(rng, ['open', 'closed'])].join(sep),
      );
      if (it.planted) label(it, it.planted.value);
      if (i % 3 === 0)
        lines.push([String(i + 1000), sep === '\t' ? filler(rng) : csvCell(filler(rng)), 'open'].join(sep));
    });
    return `${lines.join('\n')}\n`;
  }
  if (file.endsWith('.jsonl')) {
    items.forEach((it, i) => {
      lines.push(JSON.stringify({ seq: i, level: 'info', msg: it.text }));
      if (it.planted) label(it, jsonEscaped(it.planted.value));
      if (i % 3 === 0) lines.push(JSON.stringify({ seq: i + 1000, msg: filler(rng) }));
    });
    return `${lines.join('\n')}\n`;
  }
  if (file.endsWith('.json')) {
    const records = items.map((it, i) => {
      if (it.planted) label(it, jsonEscaped(it.planted.value));
      const bare =
        it.planted && it.detector && !NOTE_ONLY_IN_JSON.has(it.detector) && !it.text.includes('\n');
      return bare && i % 2 === 0 && it.planted
        ? { id: i, [it.planted.field]: it.planted.value, comment: filler(rng) }
        : { id: i, note: it.text, comment: filler(rng) };
    });
    return `${JSON.stringify({ generated: 'eval', records }, null, 2)}\n`;
  }
  items.forEach((it) => {
    lines.push(it.text);
    if (it.planted) label(it, it.planted.value);
    if (rng() < 0.5) lines.push(filler(rng));
  });
  return `${lines.join('\n')}\n`;
}

function peopleCsv(rng: Rng, perDetector: number, labels: Label[]): string {
  const ids = Object.keys(PEOPLE_COLUMNS);
  const header = ['name', ...ids.map((id) => PEOPLE_COLUMNS[id])];
  const rows = [header.join(',')];
  const n = Math.max(1, Math.floor(perDetector / 4));
  for (let r = 0; r < n; r++) {
    const cells = [chars(rng, LOWER, 6)];
    for (const id of ids) {
      const gen = TRUE_VALUES[id];
      if (!gen) throw new Error(`no generator for ${id}`);
      const planted = gen(rng);
      const value = id === 'us-ssn' ? planted.value.replaceAll('-', '') : planted.value;
      cells.push(csvCell(value));
      labels.push({ file: 'people.csv', detector: id, value });
    }
    rows.push(cells.join(','));
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Builds the labelled corpus deterministically: every detector's generated true values and
 * every near-miss kind, spread over text, CSV/TSV, JSON and JSON Lines files, plus a
 * `people.csv` of bare PII cells whose column names carry the context.
 */
export function buildCorpus(options: CorpusOptions = {}): TextCorpus {
  const rng = createRng(options.seed ?? 20260101);
  const perDetector = options.perDetector ?? 40;
  const nearPer = options.nearMissesPer ?? 20;
  const items: Item[] = [];
  for (const [detector, gen] of Object.entries(TRUE_VALUES)) {
    for (let i = 0; i < perDetector; i++) {
      const planted = gen(rng);
      items.push({ kind: 'true', detector, planted, text: planted.text });
    }
  }
  for (const nearMiss of Object.values(NEAR_MISSES)) {
    for (let i = 0; i < nearPer; i++) items.push({ kind: 'near', text: nearMiss.make(rng) });
  }
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as Item, items[i] as Item];
  }
  const spread = TEXT_FILES.filter((f) => f !== 'people.csv');
  const buckets = new Map<string, Item[]>(spread.map((f) => [f, []]));
  items.forEach((it, i) => {
    buckets.get(spread[i % spread.length] as string)?.push(it);
  });
  const labels: Label[] = [];
  const files = new Map<string, string>();
  for (const [file, list] of buckets) files.set(file, render(file, list, rng, labels));
  files.set('people.csv', peopleCsv(rng, perDetector, labels));
  return { files, labels };
}
