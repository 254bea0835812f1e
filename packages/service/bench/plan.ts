/**
 * Plans a job over BENCH_KEYS synthetic S3 keys (default 10,000,000) and prints keys per second,
 * CPU time and peak RSS: the planner must stream (store a batch, enqueue closed shards, forget
 * them), so its memory stays flat whatever the key count. The store and queue here only count
 * (PostgreSQL's write rate is measured by bench:e2e); listing, identities, sampling and shard
 * assignment are the real code. `BENCH_SAMPLE_FRACTION` adds a sample.
 */

import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { createLogger } from '../src/log.ts';
import type { Job, JobStore, PlannedObject } from '../src/ports/job-store.ts';
import type { ObjectSource, SourceObject } from '../src/ports/object-source.ts';
import type { Queue } from '../src/ports/queue.ts';
import { planJob } from '../src/worker/job-processor.ts';
import { scannerFactory } from '../src/worker/scan-engine-factory.ts';

const KEYS = Number(process.env.BENCH_KEYS ?? 10_000_000);
const fraction = process.env.BENCH_SAMPLE_FRACTION ? Number(process.env.BENCH_SAMPLE_FRACTION) : undefined;
const JOB_ID = '00000000-0000-4000-8000-000000000001';

const source: ObjectSource = {
  uri: 's3://synthetic/',
  async *list() {
    for (let i = 0; i < KEYS; i++) {
      const key = `tenant-${i % 97}/day-${(i >> 14) % 365}/part-${i.toString(36).padStart(8, '0')}.json.gz`;
      yield { key, size: 1000 + (i % 4096), bucket: 'synthetic', etag: `etag-${i}` } satisfies SourceObject;
    }
  },
  read: async () => ({ stream: Readable.from([]), size: 0 }),
  readRange: async () => new Uint8Array(),
};

let stored = 0;
let peakHeap = 0;
let messages = 0;
const job = {
  id: JOB_ID,
  tenantId: JOB_ID,
  source: source.uri,
  detectors: null,
  customDetectors: null,
  exclude: [],
  status: 'queued',
  incremental: false,
  sample: fraction ? { fraction } : null,
} as unknown as Job;
const jobs = {
  getJob: async () => job,
  startListing: async () => true,
  setCoverage: async () => {},
  unchangedObjects: async () => new Set<string>(),
  setPlanCounts: async () => {},
  addObjects: async (_: string, objects: PlannedObject[]) => {
    stored += objects.length;
    if ((stored & 0xffff) < objects.length) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  },
  recordObject: async () => ({ recorded: true }),
  jobStatus: async () => 'listing' as const,
  finishListing: async () => 'scanning' as const,
} as unknown as JobStore;
const queue = {
  send: async (bodies: string[]) => {
    messages += bodies.length;
  },
} as unknown as Queue;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
await planJob(
  {
    jobs,
    queue,
    openSource: async () => source,
    engineFor: scannerFactory('bench'),
    logger: createLogger({ level: 'silent' }),
    limits: { maxObjects: 200, maxBytes: 256 * 1024 * 1024 },
    concurrency: 1,
  },
  JOB_ID,
  new AbortController().signal,
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mib = (bytes: number) => (bytes / 1048576).toFixed(0);
console.log(
  [
    `planned ${KEYS.toLocaleString('en')} keys${fraction ? ` (sample fraction ${fraction})` : ''}: ${stored.toLocaleString('en')} stored, ${messages.toLocaleString('en')} shard messages`,
    `wall ${seconds.toFixed(1)} s (${Math.round(KEYS / seconds).toLocaleString('en')} keys/s), CPU ${cpuSeconds.toFixed(1)} s (${Math.round(KEYS / cpuSeconds).toLocaleString('en')} keys/CPU-s)`,
    `peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB, peak heap used ${mib(peakHeap)} MiB`,
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join('\n'),
);
