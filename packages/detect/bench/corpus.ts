import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { createRng as rng } from '../eval/random.ts';

const WORDS =
  'the a of to and in is for on with as by at from this that be are was it an or not have has will can user request response service data value error config cache queue worker token session account order payment invoice customer report status retry timeout connection database table index query update delete create list item batch job schedule upload download file folder bucket region zone cluster node pod container image build deploy release version'.split(
    ' ',
  );

type Gen = (r: () => number) => string;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
const hex = (r: () => number, n: number) =>
  Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
const words = (r: () => number, n: number) => Array.from({ length: n }, () => pick(r, WORDS)).join(' ');
const name = (r: () => number) =>
  pick(r, ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi']);

/** Planted values, rare enough that the corpus is realistic (most lines carry nothing). */
const planted: Gen[] = [
  (r) => `${name(r)}.${name(r)}@${pick(r, ['acme-corp.com', 'globex.io', 'initech.net'])}`,
  () => 'password = "Xk9#mQ2$vL7pR4tZ"',
  (r) =>
    `AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(r() * 32)]).join('')}`,
  () => 'card 4539 1488 0343 6467',
  () => 'ssn 536-22-8451',
  (r) => `+1 415 555 ${digits(r, 4)}`,
];

const LINES: Record<string, Gen> = {
  log: (r) =>
    `2026-11-${10 + Math.floor(r() * 18)}T${digits(r, 2)}:${digits(r, 2)}:${digits(r, 2)}.${digits(r, 3)}Z ${pick(r, ['INFO', 'WARN', 'DEBUG', 'ERROR'])} [${pick(r, ['api', 'worker', 'scheduler'])}] request_id=${hex(r, 16)} ${words(r, 6 + Math.floor(r() * 8))} latency_ms=${Math.floor(r() * 900)} status=${pick(r, [200, 201, 204, 400, 404, 500])}`,
  code: (r) =>
    `${pick(r, ['  const', '  let', '    return', '  if (', '  await', 'export function', '  //'])} ${pick(r, WORDS)}${pick(r, ['Id', 'Name', 'Count', 'Client', ''])} = ${pick(r, WORDS)}.${pick(r, WORDS)}(${pick(r, WORDS)}, ${Math.floor(r() * 100)});`,
  csv: (r) =>
    `${digits(r, 6)},${name(r)},${pick(r, WORDS)},${(r() * 1000).toFixed(2)},${pick(r, ['EUR', 'USD', 'GBP'])},2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
  jsonl: (r) =>
    JSON.stringify({
      ts: Date.UTC(2026, 10, 1) + Math.floor(r() * 1e9),
      event: pick(r, WORDS),
      user: name(r),
      props: { n: Math.floor(r() * 1e4), tag: pick(r, WORDS) },
    }),
  prose: (r) => `${words(r, 10 + Math.floor(r() * 20))}.`,
};

const KINDS = [
  ['log', '.log'],
  ['code', '.ts'],
  ['csv', '.csv'],
  ['jsonl', '.jsonl'],
  ['prose', '.txt'],
] as const;

/** Writes `files` files of about `fileBytes` each into `dir`; returns their paths and total size. */
export async function writeCorpus(
  dir: string,
  files: number,
  fileBytes: number,
): Promise<{ paths: string[]; bytes: number }> {
  const r = rng(42);
  const paths: string[] = [];
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const [kind, ext] = KINDS[f % KINDS.length]!;
    const file = path.join(dir, `part-${String(f).padStart(3, '0')}${ext}`);
    const out = createWriteStream(file);
    let written = 0;
    let batch = kind === 'csv' ? 'id,name,item,amount,currency,date\n' : '';
    while (written < fileBytes) {
      let line = LINES[kind]!(r);
      if (r() < 0.002) line += ` ${pick(r, planted)(r)}`;
      batch += `${line}\n`;
      if (batch.length > 1 << 20) {
        written += batch.length;
        if (!out.write(batch)) await new Promise<void>((res) => out.once('drain', () => res()));
        batch = '';
      }
    }
    written += batch.length;
    out.end(batch);
    await new Promise<void>((res) => out.once('finish', () => res()));
    paths.push(file);
    bytes += written;
  }
  return { paths, bytes };
}
