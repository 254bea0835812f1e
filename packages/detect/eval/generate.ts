import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import tar from 'tar-stream';
import { buildCorpus, type CorpusOptions, type Label } from './corpus.ts';
import { writeFormatVariants } from './formats.ts';

/** Where each logical text file lands: its own object, or a member of an archive object. */
const PLACEMENT: Record<string, { object: string; member?: string }> = {
  'archived/notes-a.txt': { object: 'bundle.zip', member: 'notes-a.txt' },
  'archived/records-b.csv': { object: 'bundle.tar', member: 'records-b.csv' },
  'archived/events-c.jsonl': { object: 'logs.tar.gz', member: 'events-c.jsonl' },
  'compressed/notes-d.txt': { object: 'notes-d.txt.gz' },
  'utf16/notes-e.txt': { object: 'notes-e-utf16le.txt' },
  'nested/notes-f.txt': { object: 'nested.tar.gz', member: 'notes-f.txt' },
};

/** A labelled corpus on disk: object names (relative to `dir`) and, per object, its labels. */
export interface WrittenCorpus {
  dir: string;
  objects: string[];
  labels: Label[];
}

async function tarOf(members: Record<string, string | Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const [name, text] of Object.entries(members)) pack.entry({ name }, text);
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Writes the corpus into `dir` in every format the engine reads: UTF-8 and UTF-16LE text, csv,
 * tsv, json, jsonl, gzip, zip, tar, tar.gz and a zip nested in a tar.gz. Labels name the
 * object that holds each value.
 */
export async function writeCorpus(dir: string, options: CorpusOptions = {}): Promise<WrittenCorpus> {
  const { files, labels } = buildCorpus(options);
  await mkdir(dir, { recursive: true });
  const objects = new Set<string>();
  for (const [file, text] of files) {
    const place = PLACEMENT[file];
    const object = place?.object ?? file;
    objects.add(object);
    let bytes: Uint8Array;
    if (object === 'nested.tar.gz') {
      const inner = zipSync({ [place?.member ?? file]: strToU8(text) });
      bytes = gzipSync(await tarOf({ 'inner.zip': Buffer.from(inner) }));
    } else if (object.endsWith('-utf16le.txt')) {
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    } else if (object.endsWith('.zip')) bytes = zipSync({ [place?.member ?? file]: strToU8(text) });
    else if (object.endsWith('.tar.gz')) bytes = gzipSync(await tarOf({ [place?.member ?? file]: text }));
    else if (object.endsWith('.tar')) bytes = await tarOf({ [place?.member ?? file]: text });
    else if (object.endsWith('.gz')) bytes = gzipSync(text);
    else bytes = Buffer.from(text, 'utf8');
    await writeFile(join(dir, object), bytes);
  }
  const variants = await writeFormatVariants(dir, files, labels);
  return {
    dir,
    objects: [...objects, ...variants.objects].sort(),
    labels: [...labels.map((l) => ({ ...l, file: PLACEMENT[l.file]?.object ?? l.file })), ...variants.labels],
  };
}
