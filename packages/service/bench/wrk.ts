import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** What one `wrk --latency` run measured. */
export interface WrkFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx/3xx answers plus socket errors: a figure with any is not a fair one. */
  failures: number;
}

/** `wrk` prints latencies as `812.00us`, `1.25ms` or `2.01s`. */
function ms(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) throw new Error(`wrk printed a latency it did not explain: ${value}`);
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

/** Reads the figures from wrk's text report. */
export function parseWrk(report: string): WrkFigures {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(report)?.[1];
  const p50 = /^\s+50%\s+(\S+)/m.exec(report)?.[1];
  const p99 = /^\s+99%\s+(\S+)/m.exec(report)?.[1];
  if (!rps || !p50 || !p99) throw new Error(`wrk's report has no figures:\n${report}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { requestsPerSecond: Number(rps), p50Ms: ms(p50), p99Ms: ms(p99), failures: non2xx + errors };
}

/** Whether `wrk` is on the PATH. */
export async function hasWrk(): Promise<boolean> {
  return promisify(execFile)('wrk', ['--version']).then(
    () => true,
    // wrk --version prints its banner and exits 1.
    (err: { stdout?: string }) => /^wrk /.test(err.stdout ?? ''),
  );
}

/** Drives `url` with `wrk -t<threads> -c<connections> -d<seconds>s --latency` and one header. */
export async function runWrk(options: {
  url: string;
  header: string;
  seconds: number;
  threads: number;
  connections: number;
}): Promise<WrkFigures> {
  const { stdout } = await promisify(execFile)('wrk', [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--latency',
    '-H',
    options.header,
    options.url,
  ]);
  return parseWrk(stdout);
}
