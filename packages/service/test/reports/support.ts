import { createRequire } from 'node:module';
import path from 'node:path';
import { Scanner } from '@data-scanner/detect';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type pg from 'pg';
import { PgJobStore } from '../../src/store/jobs-repository.ts';

/** Values planted in scanned text; the database and every report may hold only their masks. */
export const RAW = {
  email: 'jane.roe@northwind-traders.com',
  password: 'Xk9#mQ2$vL7pR4tZ',
  card: '4539 1488 0343 6467',
} as const;

/**
 * Runs a job through the store the way the worker does: plans the objects, scans each text with
 * the real detection engine and records the outcome, so the job ends `succeeded` with its findings.
 */
export async function scannedJob(
  pool: pg.Pool,
  tenantId: string,
  objects: { key: string; text: string }[],
  name = 'nightly exports',
  aggregateThreshold?: number,
): Promise<string> {
  const store = new PgJobStore(pool);
  const job = await store.createJob({ tenantId, source: 's3://allowed-bucket/data/', name });
  await store.startListing(job.id);
  await store.addObjects(
    job.id,
    objects.map((o) => ({ key: o.key, size: Buffer.byteLength(o.text), bucket: 'allowed-bucket', shard: 0 })),
  );
  await store.finishListing(job.id, {
    shards: 1,
    objects: objects.length,
    bytes: objects.reduce((n, o) => n + Buffer.byteLength(o.text), 0),
  });
  const scanner = new Scanner({
    fingerprintKey: 'test-key',
    ...(aggregateThreshold === undefined ? {} : { limits: { aggregateThreshold } }),
  });
  for (const o of objects) {
    const result = await scanner.scanText(o.text, o.key);
    await store.recordObject(job.id, {
      key: o.key,
      status: result.status,
      result,
      findings: result.findings,
      aggregates: result.aggregates ?? [],
      aggregateThreshold: scanner.limits.aggregateThreshold,
    });
  }
  return job.id;
}

// In Node, pdf.js reads the standard font files from a folder path (not a file: URL).
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** A PDF opened with pdf.js (destroy it when done). */
export function pdfDocument(pdf: Uint8Array) {
  return getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
}

/** The text of a PDF, one string per visual line (items on the same baseline joined by spaces). */
export async function pdfLines(pdf: Uint8Array): Promise<string[]> {
  const doc = await pdfDocument(pdf);
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    const rows = new Map<number, { x: number; s: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4] as number, s: item.str });
      rows.set(y, row);
    }
    for (const y of [...rows.keys()].sort((a, b) => b - a)) {
      lines.push(
        rows
          .get(y)!
          .sort((a, b) => a.x - b.x)
          .map((i) => i.s.trim())
          .join(' '),
      );
    }
  }
  await doc.destroy();
  return lines;
}
