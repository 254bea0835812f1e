import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AdapterAwsCalls } from '../../src/aws-call.ts';
import { FIRST_KEY_SECRET_CALLS } from '../../src/cli/aws-actions.ts';
import { SES_EMAIL_CALLS, SNS_SMS_CALLS } from '../../src/notify/aws-actions.ts';
import { SQS_QUEUE_CALLS } from '../../src/queue/aws-actions.ts';
import { S3_REPORT_CALLS } from '../../src/reports/aws-actions.ts';
import { awsCallsOf, ROLE_AWS_CALLS } from '../../src/roles/aws-actions.ts';
import { S3_SOURCE_CALLS } from '../../src/sources/aws-actions.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const ADAPTERS: readonly AdapterAwsCalls[] = [
  SQS_QUEUE_CALLS,
  S3_SOURCE_CALLS,
  S3_REPORT_CALLS,
  SES_EMAIL_CALLS,
  SNS_SMS_CALLS,
  FIRST_KEY_SECRET_CALLS,
];

/** Every AWS SDK call written in the service source: `new XxxCommand(`, `paginateXxx(`, `getSignedUrl(`. */
async function sdkCallsInSource(): Promise<{ file: string; command: string }[]> {
  const found: { file: string; command: string }[] = [];
  const entries = await readdir(SRC, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = path.join(entry.parentPath, entry.name);
    const text = await readFile(full, 'utf8');
    if (!text.includes('@aws-sdk/')) continue;
    const file = path.relative(SRC, full).split(path.sep).join('/');
    for (const m of text.matchAll(
      /\bnew\s+([A-Z]\w*Command)\s*\(|\b(paginate[A-Z]\w*)\s*\(|\b(getSignedUrl)\s*\(/g,
    )) {
      const command = m[1] ?? m[2] ?? m[3];
      if (command && !found.some((f) => f.file === file && f.command === command))
        found.push({ file, command });
    }
  }
  return found;
}

describe('AWS action tables beside the adapters', () => {
  it('list every SDK command the service source sends, in the adapter file that sends it', async () => {
    const inSource = await sdkCallsInSource();
    expect(inSource.length).toBeGreaterThanOrEqual(12);
    const listed = new Set(
      ADAPTERS.flatMap((a) =>
        Object.values(a.operations).flatMap((calls) => calls.map((c) => `${a.file} ${c.command}`)),
      ),
    );
    const missing = inSource.map((c) => `${c.file} ${c.command}`).filter((c) => !listed.has(c));
    expect(
      missing,
      'SDK calls with no entry in an aws-actions.ts table (add the command and its IAM action)',
    ).toEqual([]);
    const stale = [...listed].filter((c) => !inSource.some((s) => `${s.file} ${s.command}` === c));
    expect(stale, 'table entries the adapter no longer sends').toEqual([]);
  });

  it('name real adapter operations in every role table', () => {
    for (const [role, uses] of Object.entries(ROLE_AWS_CALLS)) {
      for (const use of uses) {
        for (const operation of use.operations) {
          expect(
            use.adapter.operations,
            `${role}: ${use.adapter.file} has no operation ${operation}`,
          ).toHaveProperty(operation);
        }
      }
    }
  });

  it('give the worker on SQS the right to send shards and dead letters, not only to consume', () => {
    const actions = awsCallsOf(['worker'], { SCAN_QUEUE_URL: 'https://sqs.example/q' }).map(
      (c) => `${c.action} ${c.resource}`,
    );
    expect(new Set(actions)).toEqual(
      new Set([
        'sqs:ReceiveMessage scan-queue',
        'sqs:SendMessage scan-queue',
        'sqs:DeleteMessage scan-queue',
        'sqs:ChangeMessageVisibility scan-queue',
        'sqs:SendMessage dead-letter-queue',
      ]),
    );
    expect(awsCallsOf(['worker'], {})).toEqual([]);
  });
});
