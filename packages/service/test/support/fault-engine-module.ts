import { appendFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { Scanner } from '@data-scanner/detect';
import type { ScanEngine } from '../../src/ports/scan-engine.ts';

/**
 * `DATA_SCANNER_ENGINE_MODULE` for worker-process tests: the real Scanner plus fault injection.
 * `SCAN_LOG`: append `pid key` for every scan; `HANG_ON_KEY`: never finish that key.
 */
export function createEngine(_job: unknown, fingerprintKey: string): ScanEngine {
  const scanner = new Scanner({ fingerprintKey });
  return {
    scanObject: async (stream: Readable, object: { name: string; size: number }) => {
      const log = process.env.SCAN_LOG;
      if (log) appendFileSync(log, `${process.pid} ${object.name}\n`);
      if (object.name === process.env.HANG_ON_KEY) await new Promise(() => {});
      return scanner.scanObject(stream, object);
    },
  };
}
