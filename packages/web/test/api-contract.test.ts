// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, TYPES_FILE } from '../scripts/api-types.ts';
import { makeJob } from './api-fixture.ts';
import { contractValidator } from './contract-validator.ts';

describe('the API contract in the dashboard', () => {
  it('has client types generated from the committed openapi.json (`npm run generate:api` rewrites them)', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8'), 'src/api/openapi.ts is stale: run `npm run generate:api`').toBe(
      await generateApiTypes(),
    );
  });

  it('lets the test fixture say only what the API can say', () => {
    const check = contractValidator();
    const job = makeJob();
    const detail = { ...job, summary: { by_severity: {}, by_category: {}, by_detector: {} } };
    expect(check('GET', `/jobs/${job.job_id}`, 200, 'application/json', detail)).toEqual([]);
    const { summary: _, ...withoutSummary } = detail;
    expect(check('GET', `/jobs/${job.job_id}`, 200, 'application/json', withoutSummary)).toEqual([
      "GET /jobs/{job_id} 200: (body) must have required property 'summary'",
    ]);
    expect(
      check('GET', '/jobs', 200, 'application/json', {
        items: [{ ...job, status: 'paused' }],
        next_cursor: null,
      }),
    ).toEqual(['GET /jobs 200: /items/0/status must be equal to one of the allowed values']);
    expect(check('POST', `/jobs/${job.job_id}/cancel`, 200, 'application/json', job)).toEqual([
      'POST /jobs/{job_id}/cancel never answers 200',
    ]);
    expect(check('GET', '/inbox', 200, 'application/json', { items: [] })).toEqual([
      'GET /inbox is not in the contract',
    ]);
    expect(check('GET', '/findings', 200, 'application/json', { items: [] })).toEqual([
      "GET /findings 200: (body) must have required property 'next_cursor'",
    ]);
    expect(
      check('GET', '/schedules', 404, 'application/json', {
        error: { code: 'not_found', message: 'No such route', details: [] },
      }),
    ).toEqual([]);
  });
});
