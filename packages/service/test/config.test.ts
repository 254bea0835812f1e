import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('applies defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.queue).toMatchObject({ kind: 'postgres', visibilityTimeoutSeconds: 120, maxReceives: 5 });
    expect(config.sources.roots).toEqual([]);
    expect(config.sources.s3).toMatchObject({
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
    });
  });

  it('listens on 127.0.0.1 unless HOST says otherwise, and the container image says 0.0.0.0', async () => {
    expect(loadConfig({}).api.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '' }).api.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).api.host).toBe('0.0.0.0');
    const dockerfile = await readFile(new URL('../../../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
  });

  it('uses SQS when a queue URL is given and path-style S3 for a custom endpoint', () => {
    const config = loadConfig({
      SCAN_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/scan',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4569',
      DATA_SCANNER_LOCAL_ROOTS: '/srv/a:/srv/b',
    });
    expect(config.queue.kind).toBe('sqs');
    expect(config.sources.s3).toMatchObject({ endpoint: 'http://127.0.0.1:4569', forcePathStyle: true });
    expect(config.sources.roots).toEqual(['/srv/a', '/srv/b']);
  });

  it('names every bad value in one error', () => {
    try {
      loadConfig({ WORKER_CONCURRENCY: 'many', DATA_SCANNER_LOCAL_ROOTS: 'relative', QUEUE_KIND: 'sqs' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'DATA_SCANNER_LOCAL_ROOTS entry "relative" must be absolute',
        'QUEUE_KIND=sqs needs SCAN_QUEUE_URL',
        'WORKER_CONCURRENCY must be an integer >= 1 (got "many")',
      ]);
    }
  });

  it('does not echo a bad DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@h/db' })).toThrow(/DATABASE_URL must start/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@h/db' })).not.toThrow(/hunter2/);
  });
});
