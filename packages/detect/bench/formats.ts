/**
 * `npm run bench:formats`: the same customer records written as CSV, Parquet (snappy, row groups
 * of 100,000) and Avro (deflate), each scanned from a file on disk in this process; prints
 * MB/s of the file and of the CSV-equivalent data, and records/s. Parquet is read by range
 * (ObjectMeta.random over the file), as the service does. BENCH_MB sets the CSV size (default
 * 100); BENCH_RUNS (default 2) runs each format that many times and keeps the best; BENCH_ONLY
 * (`csv,parquet`) picks formats. Each line ends with a SHA-256 digest of the findings (detector,
 * fingerprint, location), so a change to a reader can be checked to find the same things.
 */

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import avro from 'avsc';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { RandomAccess } from '../src/formats/random-access.ts';
import { Scanner } from '../src/index.ts';

const MB = 1e6;
const targetMb = Number(process.env.BENCH_MB ?? 100);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
const only = process.env.BENCH_ONLY?.split(',');
const FIRST = ['maria', 'rui', 'ann', 'kim', 'lee', 'omar', 'sara', 'tom', 'ines', 'paul'];
const CITY = ['Lisbon', 'Porto', 'Madrid', 'Berlin', 'Paris', 'Rome', 'Oslo', 'Riga'];

function records(count: number) {
  const id: bigint[] = [];
  const name: string[] = [];
  const email: string[] = [];
  const city: string[] = [];
  const note: string[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    id.push(BigInt(i));
    name.push(`${first} ${((i * 2654435761) >>> 0).toString(36)}`);
    // One record in 50 carries a real-looking address; the rest are placeholders.
    email.push(i % 50 === 0 ? `${first}.${i}@northwind-traders.com` : `user ${i} at example`);
    city.push(CITY[i % CITY.length]!);
    note.push(`order ${i * 7} shipped on 2026-0${1 + (i % 9)}-1${i % 10} to ${CITY[(i * 3) % CITY.length]}`);
  }
  return { id, name, email, city, note };
}

async function fileAccess(file: string): Promise<{ random: RandomAccess; close(): Promise<void> }> {
  const handle = await open(file, 'r');
  const size = (await handle.stat()).size;
  return {
    random: {
      size,
      async read(start, end) {
        const buffer = Buffer.alloc(Math.min(end, size) - start);
        await handle.read(buffer, 0, buffer.length, start);
        return buffer;
      },
    },
    close: () => handle.close(),
  };
}

const dir = await mkdtemp(path.join(tmpdir(), 'bench-formats-'));
try {
  const probe = records(1000);
  const line = (r: ReturnType<typeof records>, i: number) =>
    `${r.id[i]},${r.name[i]},${r.email[i]},${r.city[i]},${r.note[i]}\n`;
  let probeBytes = 0;
  for (let i = 0; i < 1000; i++) probeBytes += Buffer.byteLength(line(probe, i));
  const count = Math.round((targetMb * MB) / (probeBytes / 1000));
  const r = records(count);
  const csvFile = path.join(dir, 'customers.csv');
  const csvParts = ['id,name,email,city,note\n'];
  for (let i = 0; i < count; i++) csvParts.push(line(r, i));
  await writeFile(csvFile, csvParts.join(''));
  csvParts.length = 0;
  const csvBytes = (await stat(csvFile)).size;
  const parquetFile = path.join(dir, 'customers.parquet');
  await writeFile(
    parquetFile,
    new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: r.id, type: 'INT64' },
          { name: 'name', data: r.name, type: 'STRING' },
          { name: 'email', data: r.email, type: 'STRING' },
          { name: 'city', data: r.city, type: 'STRING' },
          { name: 'note', data: r.note, type: 'STRING' },
        ],
        rowGroupSize: 100_000,
      }),
    ),
  );
  const avroFile = path.join(dir, 'customers.avro');
  await new Promise<void>((resolve, reject) => {
    const type = avro.Type.forSchema({
      type: 'record',
      name: 'Customer',
      fields: [
        { name: 'id', type: 'long' },
        { name: 'name', type: 'string' },
        { name: 'email', type: 'string' },
        { name: 'city', type: 'string' },
        { name: 'note', type: 'string' },
      ],
    });
    const encoder = new avro.streams.BlockEncoder(type, { codec: 'deflate', blockSize: 256 * 1024 } as never);
    const out = createWriteStream(avroFile);
    encoder.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
    for (let i = 0; i < count; i++) {
      encoder.write({
        id: Number(r.id[i]),
        name: r.name[i],
        email: r.email[i],
        city: r.city[i],
        note: r.note[i],
      });
    }
    encoder.end();
  });
  // BENCH_ALL_FINDINGS=1 lists every finding (no aggregation), for a digest of every location.
  const scanner = new Scanner({
    fingerprintKey: 'bench',
    ...(process.env.BENCH_ALL_FINDINGS ? { limits: { aggregateThreshold: Number.MAX_SAFE_INTEGER } } : {}),
  });
  console.log(`${count} records; CSV ${(csvBytes / MB).toFixed(1)} MB`);
  const rates: Record<string, number> = {};
  const cpuRates: Record<string, number> = {};
  for (const [label, file, random] of [
    ['csv', csvFile, false],
    ['parquet', parquetFile, true],
    ['avro', avroFile, false],
  ] as const) {
    if (only && !only.includes(label)) continue;
    const bytes = (await stat(file)).size;
    let best = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    let findings = 0;
    let digest = '';
    for (let run = 0; run < runs; run++) {
      const access = random ? await fileAccess(file) : undefined;
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const result = await scanner.scanObject(createReadStream(file, { highWaterMark: 1024 * 1024 }), {
        name: path.basename(file),
        ...(access ? { random: access.random } : {}),
      });
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStarted);
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
      await access?.close();
      if (result.status !== 'COMPLETE') throw new Error(`${label}: ${result.status} ${result.reason_detail}`);
      findings = result.findings.length;
      const hash = createHash('sha256');
      for (const f of result.findings)
        hash.update(`${JSON.stringify([f.detector, f.fingerprint, f.location])}\n`);
      hash.update(JSON.stringify(result.aggregates ?? []));
      digest = hash.digest('hex').slice(0, 16);
      best = Math.min(best, seconds);
    }
    rates[label] = csvBytes / MB / best;
    cpuRates[label] = csvBytes / MB / bestCpu;
    console.log(
      `${label.padEnd(8)} file ${(bytes / MB).toFixed(1).padStart(6)} MB  ${(bytes / MB / best).toFixed(1).padStart(6)} MB/s of file  ${(csvBytes / MB / best).toFixed(1).padStart(6)} MB/s CSV-equivalent (${(csvBytes / MB / bestCpu).toFixed(1)} per CPU-second)  ${Math.round(count / best).toLocaleString('en')} records/s  ${findings} findings  digest ${digest}`,
    );
  }
  if (rates.csv && rates.parquet)
    console.log(
      `parquet / csv (same records): ${(rates.parquet / rates.csv).toFixed(2)}x wall clock, ${(cpuRates.parquet! / cpuRates.csv!).toFixed(2)}x CPU time`,
    );
  if (rates.csv && rates.avro)
    console.log(
      `avro / csv (same records): ${(rates.avro / rates.csv).toFixed(2)}x wall clock, ${(cpuRates.avro! / cpuRates.csv!).toFixed(2)}x CPU time`,
    );
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
