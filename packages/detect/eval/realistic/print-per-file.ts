import { buildRealisticCorpus } from './corpus.ts';
import { runRealisticEval } from './evaluate.ts';

/*
 * Per-file figures of the realistic eval, for a slice of the corpus (by default the blind files,
 * from `.travis.yml` on): planted labels, found, recall, false positives, then the misses and
 * false positives of those files as `npm run eval` prints them (masked).
 *
 *   npx tsx packages/detect/eval/realistic/print-per-file.ts [--seed=N] [--from=<file name>]
 */

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seed = Number(arg('seed') ?? 20261207);
const from = arg('from') ?? '.travis.yml';

const corpus = buildRealisticCorpus(seed);
const start = corpus.files.findIndex((f) => f.name === from);
if (start === -1) throw new Error(`--from=${from} names no file of the realistic corpus`);
const files = corpus.files.slice(start);
const names = new Set(files.map((f) => f.name));
const result = await runRealisticEval(seed);
const fileOf = (line: string) => line.slice(0, line.search(/: |:\d/));

let planted = 0;
let missed = 0;
let falsePositives = 0;
for (const file of files) {
  const labels = corpus.labels.filter((l) => l.file === file.name).length;
  const miss = result.missedList.filter((m) => fileOf(m) === file.name).length;
  const fp = result.falsePositiveList.filter((m) => fileOf(m) === file.name).length;
  planted += labels;
  missed += miss;
  falsePositives += fp;
  const recall = labels === 0 ? '-' : ((labels - miss) / labels).toFixed(3);
  process.stdout.write(
    `${file.name.padEnd(66)} ${file.fileKind.padEnd(18)} ${String(labels).padStart(3)} ${String(labels - miss).padStart(3)} ${recall.padStart(6)} ${String(fp).padStart(3)}\n`,
  );
}
process.stdout.write(
  `\n${files.length} files, ${planted} planted, ${planted - missed} found (recall ${((planted - missed) / planted).toFixed(3)}), ${falsePositives} false positives (seed ${seed})\n`,
);
for (const m of result.missedList) if (names.has(fileOf(m))) process.stdout.write(`missed: ${m}\n`);
for (const m of result.falsePositiveList)
  if (names.has(fileOf(m))) process.stdout.write(`false positive: ${m}\n`);
