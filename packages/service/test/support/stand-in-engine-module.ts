import { appendFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ScanEngine } from '../../src/ports/scan-engine.ts';
import { StandInEngine } from './stand-in-engine.ts';

/**
 * `DATA_SCANNER_ENGINE_MODULE` for worker-process tests: the stand-in engine, plus
 * `STAND_IN_SCAN_LOG` (append `pid key` per scan) and `STAND_IN_HANG_ON` (never finish that key).
 */
export function createEngine(): ScanEngine {
  const engine = new StandInEngine();
  return {
    scanObject: async (stream: Readable, object: { name: string; size: number }) => {
      const log = process.env.STAND_IN_SCAN_LOG;
      if (log) appendFileSync(log, `${process.pid} ${object.name}\n`);
      if (object.name === process.env.STAND_IN_HANG_ON) await new Promise(() => {});
      return engine.scanObject(stream, object);
    },
  };
}
