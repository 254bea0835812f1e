import { SCAN_PRICES } from './scan-prices.ts';

/** Deployment profiles (packages/infra/lib/profiles), and `local` for one machine (no AWS bill). */
export const PROFILES = [
  'data-scanner',
  'web-service',
  'tiger',
  'cheetah',
  'production',
  'astro',
  'local',
] as const;
export type ProfileId = (typeof PROFILES)[number];

/** The task that runs the worker role in a profile (its seed's size). */
export interface WorkerTask {
  vcpu: number;
  memoryGb: number;
  capacity: 'FARGATE' | 'FARGATE_SPOT' | 'LOCAL';
  /** Worker tasks the profile runs at most (its scaling ceiling). */
  maxTasks: number;
}

/** Worker tasks of each profile, as packages/infra/lib/profiles defines them. */
export const PROFILE_WORKERS: Record<ProfileId, WorkerTask> = {
  'data-scanner': { vcpu: 0.25, memoryGb: 0.5, capacity: 'FARGATE', maxTasks: 5 },
  'web-service': { vcpu: 0.5, memoryGb: 1, capacity: 'FARGATE', maxTasks: 6 },
  tiger: { vcpu: 0.25, memoryGb: 0.5, capacity: 'FARGATE', maxTasks: 1 },
  cheetah: { vcpu: 0.25, memoryGb: 0.5, capacity: 'FARGATE', maxTasks: 1 },
  production: { vcpu: 0.25, memoryGb: 0.5, capacity: 'FARGATE', maxTasks: 5 },
  astro: { vcpu: 0.25, memoryGb: 0.5, capacity: 'FARGATE_SPOT', maxTasks: 1 },
  local: { vcpu: 1, memoryGb: 1, capacity: 'LOCAL', maxTasks: 1 },
};

/**
 * Bytes per second one vCPU scans through the whole worker path (list, read, detect, write):
 * `npm run bench:e2e` measured 2.97 to 3.50 GB/min for one worker process, which keeps about one
 * core busy (README). Set `DATA_SCANNER_THROUGHPUT_MBPS` to a figure measured on the deployment.
 */
export const MEASURED_BYTES_PER_VCPU_SECOND = 50_000_000;

/** Objects listed per ListObjectsV2 page. */
const LIST_PAGE = 1000;
/** Objects per shard message on average (each is sent, received and deleted). */
const OBJECTS_PER_MESSAGE = 100;

/** A linear cost model of one scan on one profile: cost = objects x perObject + bytes x perByte. */
export interface ScanCostModel {
  profile: ProfileId;
  worker: WorkerTask;
  /** Bytes per second one worker task scans. */
  bytesPerSecond: number;
  /** USD per object: a GET, its share of a LIST page and of the queue's messages. */
  usdPerObject: number;
  /** USD per byte: the worker task's time to scan it. */
  usdPerByte: number;
}

/** The cost model of `profile`, at `bytesPerVcpuSecond` (default: the measured figure). */
export function scanCostModel(
  profile: ProfileId,
  bytesPerVcpuSecond: number = MEASURED_BYTES_PER_VCPU_SECOND,
): ScanCostModel {
  const worker = PROFILE_WORKERS[profile];
  const bytesPerSecond = bytesPerVcpuSecond * worker.vcpu;
  const spot = worker.capacity === 'FARGATE_SPOT';
  const taskHour =
    worker.capacity === 'LOCAL'
      ? 0
      : worker.vcpu * SCAN_PRICES[spot ? 'fargate-spot.vcpu' : 'fargate.vcpu'] +
        worker.memoryGb * SCAN_PRICES[spot ? 'fargate-spot.gb' : 'fargate.gb'];
  const aws = worker.capacity !== 'LOCAL';
  const usdPerObject = aws
    ? SCAN_PRICES['s3.get.1k'] / 1000 +
      SCAN_PRICES['s3.put.1k'] / 1000 / LIST_PAGE +
      (3 * SCAN_PRICES['sqs.1m']) / 1e6 / OBJECTS_PER_MESSAGE
    : 0;
  return { profile, worker, bytesPerSecond, usdPerObject, usdPerByte: taskHour / 3600 / bytesPerSecond };
}

/** Estimated USD of scanning `objects` objects holding `bytes` bytes. */
export function scanCost(model: ScanCostModel, objects: number, bytes: number): number {
  return objects * model.usdPerObject + bytes * model.usdPerByte;
}

/**
 * The deployment's cost model from `DATA_SCANNER_PROFILE` (@default local) and
 * `DATA_SCANNER_THROUGHPUT_MBPS` (MB/s per vCPU, @default the measured figure); bad values are
 * added to `problems`, naming them.
 */
export function costModelConfig(env: Record<string, string | undefined>, problems: string[]): ScanCostModel {
  const profile = (env.DATA_SCANNER_PROFILE || 'local') as ProfileId;
  if (!PROFILES.includes(profile)) {
    problems.push(`DATA_SCANNER_PROFILE must be one of ${PROFILES.join(', ')}, not '${profile}'`);
    return scanCostModel('local');
  }
  const mbps = env.DATA_SCANNER_THROUGHPUT_MBPS;
  if (mbps === undefined || mbps === '') return scanCostModel(profile);
  const n = Number(mbps);
  if (!(n > 0)) {
    problems.push(`DATA_SCANNER_THROUGHPUT_MBPS must be a positive number of MB/s per vCPU, not '${mbps}'`);
    return scanCostModel(profile);
  }
  return scanCostModel(profile, n * 1_000_000);
}
