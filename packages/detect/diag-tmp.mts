import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '/work/main/packages/detect/eval/generate.ts';
import { Scanner } from '/work/main/packages/detect/src/scanner.ts';
import { fingerprint } from '/work/main/packages/detect/src/fingerprint.ts';
const KEY = 'eval-fingerprint-key';
const want = process.argv[2];
const dir = await mkdtemp(join(tmpdir(), 'diag-'));
const corpus = await writeCorpus(dir, { seed: 7, perDetector: 8, nearMissesPer: 6 });
const scanner = new Scanner({ fingerprintKey: KEY });
const labels = corpus.labels.filter((l) => l.detector === want);
const all = new Map(corpus.labels.map((l) => [`${l.file}\0${fingerprint(KEY, l.value)}`, l]));
for (const object of corpus.objects) {
  const r = await scanner.scanObject(createReadStream(join(dir, object)), { name: object });
  for (const l of labels.filter((x) => x.file === object)) {
    const fp = fingerprint(KEY, l.value);
    const hit = r.findings.filter((f) => f.fingerprint === fp);
    if (!hit.some((f) => f.detector === want)) {
      const text = readFileSync(join(dir, object), 'latin1'); const at = text.indexOf(l.value);
      console.log('MISS', object, JSON.stringify(l.value), 'found as', hit.map((f) => f.detector), at >= 0 ? JSON.stringify(text.slice(Math.max(0, at - 120), at + l.value.length + 60)) : '(binary)');
    }
  }
  for (const f of r.findings.filter((f) => f.detector === want)) {
    if (!labels.some((l) => l.file === object && fingerprint(KEY, l.value) === f.fingerprint)) {
      const other = all.get(`${object}\0${f.fingerprint}`);
      console.log('FP', object, f.location, 'label of', other?.detector, JSON.stringify(other?.value));
    }
  }
}
