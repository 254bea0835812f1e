import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { ensureTenant } from '../../src/keys/key-store.ts';
import { PgJobStore } from '../../src/store/jobs-repository.ts';

/** A raw value that was never stored anywhere: no message may contain it. */
export const RAW_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzREALKEY';

/** The tenant's id (created when new). */
export function tenantId(pool: pg.Pool, name = 'acme'): Promise<string> {
  return ensureTenant(pool, name);
}

/**
 * A job that finished through the job store's own completion path (which writes the outbox row in
 * the same transaction), with findings of the given severities (masked previews only): values no
 * other job has, so each is a new exposure.
 */
export async function finishedJob(pool: pg.Pool, tenant: string, severities: string[]): Promise<string> {
  const jobs = new PgJobStore(pool);
  const job = await jobs.createJob({
    tenantId: tenant,
    source: 's3://allowed-bucket/exports/',
    name: 'exports',
  });
  for (const [i, severity] of severities.entries()) {
    await pool.query(
      `INSERT INTO findings (job_id, tenant_id, finding_key, object_key, detector, category, severity, confidence,
         byte_start, byte_end, line, col, redacted, fingerprint)
       VALUES ($1, $2, $3, 'config/.env', $4, 'credentials', $5, 0.9, 0, 40, 1, 1, 'wJal********************************EKEY',
         md5($6))`,
      [
        job.id,
        tenant,
        `k${i}`,
        severity === 'low' ? 'email-address' : 'aws-secret-access-key',
        severity,
        `${job.id}:${i}`,
      ],
    );
  }
  await jobs.startListing(job.id);
  await jobs.finishListing(job.id, { shards: 0, objects: 0, bytes: 0 });
  return job.id;
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP server on 127.0.0.1 that records every request and answers with `respond(n)` (n from 1). */
export async function startReceiver(
  respond: (n: number, req: ReceivedRequest) => { status: number; body?: string },
) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = {
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const answer = respond(requests.length, received);
      res.writeHead(answer.status, {
        'content-type': answer.body?.startsWith('<') ? 'text/xml' : 'application/json',
      });
      res.end(answer.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
