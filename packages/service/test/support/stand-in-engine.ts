import type { Readable } from 'node:stream';
import type { Finding, ObjectScanResult } from '@data-scanner/detect';
import type { ScanEngine } from '../../src/ports/scan-engine.ts';

/**
 * A minimal engine for service tests while `@data-scanner/detect`'s Scanner is not yet
 * exported: it streams the object, counts bytes and reports each `AKIA[0-9A-Z]{16}` with its
 * byte offset. Keys containing `fail-engine` make it throw (to exercise retries).
 */
export class StandInEngine implements ScanEngine {
  async scanObject(stream: Readable, object: { name: string; size: number }): Promise<ObjectScanResult> {
    if (object.name.includes('fail-engine')) {
      stream.destroy();
      throw new Error('engine exploded');
    }
    const findings: Finding[] = [];
    let bytes = 0;
    let carry = '';
    let carryOffset = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(/AKIA[0-9A-Z]{16}/g)) {
        const start = carryOffset + (m.index ?? 0);
        findings.push({
          detector: 'aws-access-key-id',
          category: 'credentials',
          severity: 'critical',
          confidence: 0.9,
          location: { byte_start: start, byte_end: start + 20, line: 1, column: start + 1 },
          redacted: `${m[0].slice(0, 4)}************${m[0].slice(-4)}`,
          fingerprint: m[0].split('').reverse().join(''),
        });
      }
      bytes += chunk.length;
      // 19 characters cannot hold a whole match, so nothing is reported twice across chunks.
      const keep = Math.min(19, text.length);
      carry = text.slice(text.length - keep);
      carryOffset = bytes - keep;
    }
    return { status: 'COMPLETE', findings, bytes_read: bytes, bytes_scanned: bytes };
  }
}
