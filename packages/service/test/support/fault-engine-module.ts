import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Scanner } from '@data-scanner/detect';
import type { ScanEngine } from '../../src/ports/scan-engine.ts';

/**
 * `DATA_SCANNER_ENGINE_MODULE` for worker-process tests: the real Scanner plus fault injection.
 * `SCAN_LOG`: append `pid key` for every scan; `HANG_ON_KEY`: never finish that key;
 * `HOLD_KEY` with `RELEASE_FILE`: finish that key only once the file exists (work in flight on demand).
 */
export function createEngine(_job: unknown, fingerprintKey: string): ScanEngine {
  const scanner = new Scanner({ fingerprintKey });
  let waited = false;
  return {
    scanObject: async (stream: Readable, object: { name: string; size: number }) => {
      const log = process.env.SCAN_LOG;
      if (log) appendFileSync(log, `${process.pid} ${object.name}\n`);
      if (object.name === process.env.HANG_ON_KEY) await new Promise(() => {});
      const release = process.env.RELEASE_FILE;
      while (release && object.name === process.env.HOLD_KEY && !existsSync(release)) await sleep(20);
      const peers = Number(process.env.WAIT_FOR_PEERS ?? 0);
      while (log && peers > 0 && !waited) {
        const pids = new Set(
          readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => l.split(' ')[0]),
        );
        if (pids.size >= peers) waited = true;
        else await sleep(20);
      }
      return scanner.scanObject(stream, object);
    },
  };
}
