import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/keys/key-store.ts';
import { PgCustomDetectorStore } from '../../src/store/custom-detector-store.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';
import { PoisonMessageError } from '../../src/worker/messages.ts';
import { loadScanEngines, type ScanEngines } from '../../src/worker/scan-engine-factory.ts';
import { useTestDatabase } from '../support/database.ts';

const db = useTestDatabase();
const ACME = 'acme_Q7fLp2ZkR9sXw4NbT1vYh8Jc';
const SPEC = {
  id: 'custom-acme-key',
  severity: 'critical',
  pattern: '\\b(acme_[A-Za-z0-9]{16}[A-Za-z0-9]{8})\\b',
  valueGroup: 1,
  keywords: ['acme_'],
  entropy: 3.5,
};
const text = Buffer.from(`ACME=${ACME}\nmail jane.roe@northwind-traders.com\n`);
const engines: ScanEngines[] = [];

afterAll(async () => {
  for (const e of engines) await e.close();
});

async function jobWith(detectors?: string[]) {
  const pool = db().pool;
  const { tenantId } = await createApiKey(pool, 'acme');
  await new PgCustomDetectorStore(pool).create(tenantId, SPEC.id, SPEC);
  return new PgJobStore(pool).createJob({ tenantId, source: 's3://b/', ...(detectors ? { detectors } : {}) });
}

describe.each([
  ['in-process', 0],
  ['scan threads', 1],
])('the worker engine (%s)', (_, threads) => {
  it('compiles the custom detectors the job carries', async () => {
    const scanEngines = await loadScanEngines('worker-key', { threads });
    engines.push(scanEngines);
    const all = await jobWith();
    const found = await scanEngines
      .engineFor(all)
      .scanObject(Readable.from([text]), { name: 'a.env', size: text.length });
    expect(found.findings.map((f) => [f.detector, f.severity])).toEqual([
      ['custom-acme-key', 'critical'],
      ['email', 'low'],
    ]);
    expect(JSON.stringify(found)).not.toContain(ACME);
    const named = { ...all, detectors: ['custom-acme-key'] };
    const only = await scanEngines
      .engineFor(named)
      .scanObject(Readable.from([text]), { name: 'a.env', size: text.length });
    expect(only.findings.map((f) => f.detector)).toEqual(['custom-acme-key']);
  });

  it('treats a job naming a custom id it does not carry as poison', async () => {
    const scanEngines = await loadScanEngines('worker-key', { threads });
    engines.push(scanEngines);
    const job = { ...(await jobWith()), customDetectors: null, detectors: ['custom-acme-key'] };
    expect(() => scanEngines.engineFor(job)).toThrow(PoisonMessageError);
  });
});
