// `npm run capacity -w @data-scanner/service`: the capacity table of docs/capacity.md, computed from
// the figures below (each marked measured, with its command, or assumption) and the infra cost
// model's prices (packages/infra/data/prices.json, read only). Prints Markdown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MEASURED_BYTES_PER_VCPU_SECOND,
  PROFILE_WORKERS,
  type ProfileId,
  scanCostModel,
} from '../src/estimate/scan-cost-model.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PRICE_TABLE = (
  JSON.parse(readFileSync(path.join(ROOT, 'packages/infra/data/prices.json'), 'utf8')) as {
    prices: Record<string, { usd: number }>;
  }
).prices;

/** USD of one price of the infra table; a missing key is an error, not a zero. */
function price(key: string): number {
  const entry = PRICE_TABLE[key];
  if (!entry) throw new Error(`packages/infra/data/prices.json has no price ${key}`);
  return entry.usd;
}

/** The figures the table rests on. */
export const FIGURES = {
  /** measured: bench:e2e, one worker process through the whole path (~1 core busy). */
  bytesPerVcpuSecond: MEASURED_BYTES_PER_VCPU_SECOND,
  /** assumption: S3 first-byte latency of a GET (AWS performance guidelines: 100-200 ms). */
  getLatencySeconds: 0.1,
  /** default WORKER_CONCURRENCY: objects in flight per worker task. */
  lanes: 4,
  /** measured: bench:findings-write with BENCH_FINDINGS=0, PostgreSQL CPU per object recorded (2.55 ms). */
  dbCpuSecondsPerObject: 0.00255,
  /** measured: bench:findings-write, PostgreSQL CPU per credential finding stored beyond its object's (0.21 ms). */
  dbCpuSecondsPerFinding: 0.00021,
  /** assumption: findings stored per object of mixed data (the rest counted in aggregates). */
  findingsPerObject: 0.2,
  /** assumption: ListObjectsV2 keys per second per lister (1,000-key pages at ~0.2 s each). */
  listKeysPerSecond: 5000,
  /** measured: bench:plan, planner keys per CPU-second (not the limit: listing and inserts are). */
  plannerKeysPerCpuSecond: 440_000,
  /** assumption: average object size for the byte rows, and for the object-count rows. */
  bytesPerObjectLarge: 1_000_000,
  bytesPerObjectSmall: 100_000,
} as const;

/** RDS class of each profile (packages/infra/lib/profiles/*-config.ts) and its sustained vCPU. */
const PROFILE_DATABASES: Record<Exclude<ProfileId, 'local'>, { cls: string; multiAz: boolean }> = {
  'data-scanner': { cls: 'db.t3.micro', multiAz: false },
  'web-service': { cls: 'db.t3.micro', multiAz: false },
  tiger: { cls: 'db.t3.micro', multiAz: false },
  cheetah: { cls: 'db.t3.small', multiAz: true },
  production: { cls: 'db.t3.medium', multiAz: true },
  astro: { cls: 'db.t3.micro', multiAz: false },
};

/** Sustained vCPU of a class: burstable classes at their baseline (AWS: t3.micro 10 %, small and medium 20 % of 2 vCPU). */
const SUSTAINED_VCPU: Record<string, number> = {
  'db.t3.micro': 0.2,
  'db.t3.small': 0.4,
  'db.t3.medium': 0.4,
  'db.t3.large': 0.6,
  'db.m5.large': 2,
};

interface Workload {
  label: string;
  objects: number;
  bytes: number;
}

const TB = 1e12;
const WORKLOADS: Workload[] = [
  { label: '1 TB', bytes: TB, objects: TB / FIGURES.bytesPerObjectLarge },
  { label: '10 TB', bytes: 10 * TB, objects: (10 * TB) / FIGURES.bytesPerObjectLarge },
  { label: '100 TB', bytes: 100 * TB, objects: (100 * TB) / FIGURES.bytesPerObjectLarge },
  { label: '10M objects', objects: 10e6, bytes: 10e6 * FIGURES.bytesPerObjectSmall },
  { label: '100M objects', objects: 100e6, bytes: 100e6 * FIGURES.bytesPerObjectSmall },
];

interface Plan {
  workers: number;
  vcpu: number;
  memoryGb: number;
  spot: boolean;
  db: string;
  multiAz: boolean;
}

/** Hours and USD of one workload on one deployment shape, and which limit set the hours. */
function estimate(w: Workload, plan: Plan) {
  const mbPerTask = FIGURES.bytesPerVcpuSecond * plan.vcpu;
  const perTaskSeconds = w.bytes / mbPerTask + (w.objects * FIGURES.getLatencySeconds) / FIGURES.lanes;
  const scanHours = perTaskSeconds / plan.workers / 3600;
  const dbCpu =
    w.objects * (FIGURES.dbCpuSecondsPerObject + FIGURES.findingsPerObject * FIGURES.dbCpuSecondsPerFinding);
  const dbHours = dbCpu / (SUSTAINED_VCPU[plan.db] as number) / 3600;
  const listHours = w.objects / (FIGURES.listKeysPerSecond * plan.workers) / 3600;
  const hours = Math.max(scanHours, dbHours, listHours);
  const limit = hours === scanHours ? 'workers' : hours === dbHours ? 'database' : 'listing';
  const taskHour =
    plan.vcpu * price(plan.spot ? 'fargate-spot.vcpu' : 'fargate.vcpu') +
    plan.memoryGb * price(plan.spot ? 'fargate-spot.gb' : 'fargate.gb');
  const perObject = scanCostModel('data-scanner').usdPerObject;
  const dbHour = price(`rds.postgres.${plan.db}`) * (plan.multiAz ? price('rds.multiaz.factor') : 1);
  const usd = hours * plan.workers * taskHour + w.objects * perObject + hours * dbHour;
  return { hours, usd, limit };
}

const fmtHours = (h: number) => (h < 10 ? h.toFixed(1) : h.toFixed(0));
const fmtUsd = (u: number) => (u < 100 ? `$${u.toFixed(2)}` : `$${Math.round(u).toLocaleString('en-US')}`);

const profiles = Object.keys(PROFILE_DATABASES) as Exclude<ProfileId, 'local'>[];
const header = profiles.map((p) => {
  const task = PROFILE_WORKERS[p];
  const db = PROFILE_DATABASES[p];
  const spot = task.capacity === 'FARGATE_SPOT' ? ' Spot' : '';
  return `${p}: ${task.maxTasks} x ${task.vcpu} vCPU${spot}, ${db.cls}${db.multiAz ? ' Multi-AZ' : ''}`;
});
console.log(`| workload | objects | ${header.join(' | ')} |`);
console.log(`| --- | ---: | ${profiles.map(() => '---:').join(' | ')} |`);
for (const w of WORKLOADS) {
  const cells = profiles.map((p) => {
    const task = PROFILE_WORKERS[p];
    const db = PROFILE_DATABASES[p];
    const e = estimate(w, {
      workers: task.maxTasks,
      vcpu: task.vcpu,
      memoryGb: task.memoryGb,
      spot: task.capacity === 'FARGATE_SPOT',
      db: db.cls,
      multiAz: db.multiAz,
    });
    return `${fmtHours(e.hours)} h, ${fmtUsd(e.usd)} (${e.limit})`;
  });
  console.log(`| ${w.label} | ${(w.objects / 1e6).toFixed(0)}M | ${cells.join(' | ')} |`);
}
console.log('');
console.log(
  'Scaled out: 1-vCPU workers (Fargate on-demand) and the RDS class the database load needs, for about a day or less:',
);
console.log('');
console.log('| workload | workers | RDS class | hours | USD | limit |');
console.log('| --- | ---: | --- | ---: | ---: | --- |');
for (const w of WORKLOADS) {
  // The smallest database, then the fewest workers, that end within a day; else the largest
  // database priced here with the fewest workers that leave it the limit.
  let best: { plan: Plan; e: ReturnType<typeof estimate> } | undefined;
  for (const db of ['db.t3.small', 'db.t3.medium', 'db.t3.large', 'db.m5.large']) {
    for (const workers of [5, 10, 20, 40, 80]) {
      const plan = { workers, vcpu: 1, memoryGb: 2, spot: false, db, multiAz: false };
      const e = estimate(w, plan);
      if (e.hours <= 24) best ??= { plan, e };
    }
  }
  if (!best) {
    for (const workers of [5, 10, 20, 40, 80]) {
      const plan = { workers, vcpu: 1, memoryGb: 2, spot: false, db: 'db.m5.large', multiAz: false };
      const e = estimate(w, plan);
      if (e.limit === 'database' || workers === 80) {
        best = { plan, e };
        break;
      }
    }
  }
  if (!best) continue;
  const { plan, e } = best;
  console.log(
    `| ${w.label} | ${plan.workers} | ${plan.db} | ${fmtHours(e.hours)} | ${fmtUsd(e.usd)} | ${e.limit} |`,
  );
}
