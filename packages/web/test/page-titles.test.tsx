import { screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, makeJob, makeNotificationSettings, startApiFixture } from './api-fixture.ts';
import { makeExposure } from './exposure-fixtures.ts';
import { renderApp, resetApp } from './render-app.tsx';

let api: ApiFixture;
const job = makeJob({ name: 'nightly exports' });
const exposure = makeExposure({ last_job_id: job.job_id });

beforeAll(async () => {
  api = await startApiFixture({
    jobs: [job],
    schedules: [],
    notifications: makeNotificationSettings(),
    exposures: [exposure],
  });
});
afterAll(() => api.close());
afterEach(resetApp);

describe('every page has one h1 and a document title naming it', () => {
  it.each([
    ['sign-in', '#/', null, 'Sign in to Data Scanner', 'Sign in · Data Scanner'],
    ['jobs', '#/', 'test-key', 'Jobs', 'Jobs · Data Scanner'],
    ['job', `#/jobs/${job.job_id}`, 'test-key', 'nightly exports', 'nightly exports · Job · Data Scanner'],
    ['schedules', '#/schedules', 'test-key', 'Schedules', 'Schedules · Data Scanner'],
    ['findings', '#/findings', 'test-key', 'Findings', 'Findings · Data Scanner'],
    [
      'finding',
      `#/findings/${exposure.id}`,
      'test-key',
      'aws-access-key-id AKIA************MPLE',
      'aws-access-key-id AKIA************MPLE · Data Scanner',
    ],
    ['not found', '#/nowhere', 'test-key', 'Page not found', 'Page not found · Data Scanner'],
  ])('%s', async (_page, hash, key, heading, title) => {
    renderApp(api, { hash, key });
    await screen.findByRole('heading', { level: 1, name: heading });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await expect.poll(() => document.title).toBe(title);
  });
});
