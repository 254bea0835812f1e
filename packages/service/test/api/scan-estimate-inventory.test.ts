import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanCostModel } from '../../src/estimate/scan-cost-model.ts';
import { createSource } from '../../src/sources/create-source.ts';
import { createS3Client, type S3SourceOptions } from '../../src/sources/s3-source.ts';
import { type RequestLogProxy, startRequestLogProxy } from '../support/request-log-proxy.ts';
import { type LocalS3, startLocalS3 } from '../support/s3.ts';
import { useApiHarness } from './harness.ts';

let s3: LocalS3;
let proxy: RequestLogProxy;
let options: S3SourceOptions;

beforeAll(async () => {
  s3 = await startLocalS3();
  proxy = await startRequestLogProxy(s3.options.endpoint as string);
  options = { ...s3.options, endpoint: proxy.endpoint };
  await s3.createBucket('estimate-data');
  await s3.createBucket('estimate-inventory');
  const client = createS3Client(options);
  const rows = [
    ['estimate-data', 'logs/a.log', '1000'],
    ['estimate-data', 'logs/b.log', '3000'],
    ['estimate-data', 'exports/c.csv', '5000'],
    ['estimate-data', 'other/d.csv', '7000'],
  ];
  await client.send(
    new PutObjectCommand({
      Bucket: 'estimate-inventory',
      Key: 'inv/0.csv.gz',
      Body: gzipSync(rows.map((r) => r.map((f) => `"${f}"`).join(',')).join('\n')),
    }),
  );
  await client.send(
    new PutObjectCommand({
      Bucket: 'estimate-inventory',
      Key: 'inv/manifest.json',
      Body: JSON.stringify({
        sourceBucket: 'estimate-data',
        fileFormat: 'CSV',
        fileSchema: 'Bucket, Key, Size',
        files: [{ key: 'inv/0.csv.gz', size: 1 }],
      }),
    }),
  );
});

afterAll(async () => {
  await proxy?.close();
  await s3?.close();
});

const model = scanCostModel('data-scanner');
const api = useApiHarness({
  config: () => ({ s3Buckets: ['estimate-data', 'estimate-inventory'] }),
  estimates: () => ({
    openSource: (uri) => createSource(uri, { roots: [], s3: options }),
    costModel: model,
  }),
});

describe('POST /scan/estimate with an S3 Inventory', () => {
  it('counts the objects the inventory lists under the prefix, with no ListObjectsV2 call', async () => {
    proxy.requests.length = 0;
    const res = await api().call('/scan/estimate', {
      method: 'POST',
      json: {
        source: 's3://estimate-data/',
        inventory: 's3://estimate-inventory/inv/manifest.json',
        exclude: ['other/**'],
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      objects: 3,
      bytes: 9000,
      by_format: { log: { objects: 2, bytes: 4000 }, csv: { objects: 1, bytes: 5000 } },
      skipped: { excluded: 1 },
    });
    expect(proxy.requests.filter((r) => r.includes('list-type=2'))).toEqual([]);
  });
});
