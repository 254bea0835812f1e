import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, makeJob, startApiFixture } from './api-fixture.ts';
import { renderApp, resetApp } from './render-app.tsx';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());
afterEach(() => {
  resetApp();
  api.state.jobs = [];
});

describe('jobs list', () => {
  it('shows each job with status, progress, findings and age', async () => {
    api.state.jobs = [
      makeJob({
        name: 'exports',
        status: 'scanning',
        finished_at: null,
        created_at: new Date(Date.now() - 5 * 60_000).toISOString(),
        progress: { objects_total: 10, objects_done: 3, bytes_scanned: 3 * 1024 * 1024, findings: 1234 },
      }),
    ];
    renderApp(api);
    const link = await screen.findByRole('link', { name: 'exports' });
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('scanning')).toBeTruthy();
    expect(within(row).getByText('3 / 10 objects, 3.0 MB')).toBeTruthy();
    expect(within(row).getByText('1,234')).toBeTruthy();
    expect(within(row).getByText('5 min ago')).toBeTruthy();
    expect(link.getAttribute('href')).toBe(`#/jobs/${api.state.jobs[0]?.job_id}`);
  });

  it('shows a job submitted elsewhere without a reload (polling)', async () => {
    api.state.jobs = [makeJob({ name: 'running', status: 'scanning', finished_at: null })];
    renderApp(api);
    await screen.findByRole('link', { name: 'running' });
    api.state.jobs.unshift(makeJob({ name: 'from the CLI', status: 'queued', finished_at: null }));
    expect(await screen.findByRole('link', { name: 'from the CLI' }, { timeout: 8000 })).toBeTruthy();
  });

  it('pages through jobs with next_cursor and filters by status', async () => {
    api.state.jobs = Array.from({ length: 30 }, (_, i) => makeJob({ name: `job ${i + 1}` }));
    api.state.jobs.push(makeJob({ name: 'broken', status: 'failed' }));
    renderApp(api);
    await screen.findByRole('link', { name: 'job 1' });
    expect(screen.queryByRole('link', { name: 'job 26' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'job 26' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'job 1' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    expect(await screen.findByRole('link', { name: 'broken' })).toBeTruthy();
    expect(api.requests.some((r) => r.path === '/jobs' && r.query.get('status') === 'failed')).toBe(true);
  });
});

describe('new scan form', () => {
  it("shows the API's validation errors beside the fields they concern", async () => {
    renderApp(api);
    const source = await screen.findByLabelText('Source');
    fireEvent.change(source, { target: { value: 'ftp://nope' } });
    fireEvent.change(screen.getByLabelText('Detectors (optional)'), {
      target: { value: 'aws-access-key-id, Bad_Id' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start scan' }));
    expect(await screen.findByText('unsupported scheme (use s3:// or file://)')).toBeTruthy();
    expect(source.getAttribute('aria-invalid')).toBe('true');
    const sourceErr = document.getElementById(`${source.id}-err`);
    expect(sourceErr?.textContent).toContain('unsupported scheme');
    const detectors = screen.getByLabelText('Detectors (optional)');
    expect(document.getElementById(`${detectors.id}-err`)?.textContent).toContain('kebab-case');
    expect(screen.getByLabelText('Name (optional)').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Request body is invalid');
    const sent = api.requests.find((r) => r.path === '/scan')?.body as { detectors: string[] };
    expect(sent.detectors).toEqual(['aws-access-key-id', 'Bad_Id']);
  });

  it('submits source, detectors and excludes with an Idempotency-Key and opens the new job', async () => {
    renderApp(api);
    fireEvent.change(await screen.findByLabelText('Source'), { target: { value: 'file:///srv/samples' } });
    fireEvent.change(screen.getByLabelText('Name (optional)'), { target: { value: 'samples' } });
    fireEvent.change(screen.getByLabelText('Exclude (optional)'), {
      target: { value: '**/*.png\n**/*.log' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start scan' }));
    expect(await screen.findByRole('heading', { name: 'samples' })).toBeTruthy();
    const req = api.requests.filter((r) => r.path === '/scan').at(-1);
    expect(req?.body).toEqual({
      source: 'file:///srv/samples',
      name: 'samples',
      exclude: ['**/*.png', '**/*.log'],
    });
    expect(req?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(window.location.hash).toBe(`#/jobs/${api.state.jobs[0]?.job_id}`);
  });

  it('lists a job started here at once when going back to the jobs list', async () => {
    api.state.jobs = [makeJob({ name: 'old and finished' })];
    renderApp(api);
    await screen.findByRole('link', { name: 'old and finished' });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'file:///srv/samples' } });
    fireEvent.change(screen.getByLabelText('Name (optional)'), { target: { value: 'just started' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start scan' }));
    await screen.findByRole('heading', { name: 'just started', level: 1 });
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Jobs' }),
    );
    // Well under the list's 15 s idle poll: the link must come from reading the list again now.
    expect(await screen.findByRole('link', { name: 'just started' }, { timeout: 5000 })).toBeTruthy();
  });

  it('shows a queued job whose total is not known yet as indeterminate, not empty or full', async () => {
    api.state.jobs = [
      makeJob({
        name: 'listing',
        status: 'listing',
        finished_at: null,
        progress: { objects_total: 0, objects_done: 0 },
      }),
    ];
    renderApp(api);
    const row = (await screen.findByRole('link', { name: 'listing' })).closest('tr') as HTMLElement;
    const bar = row.querySelector('.mini-progress > div') as HTMLElement;
    expect(bar.className).toBe('indeterminate');
    expect(bar.style.width).toBe('');
  });

  it('asks for a source before sending anything', async () => {
    renderApp(api);
    const before = api.requests.length;
    fireEvent.click(await screen.findByRole('button', { name: 'Start scan' }));
    expect(await screen.findByText(/Enter a source/)).toBeTruthy();
    expect(api.requests.slice(before).some((r) => r.path === '/scan')).toBe(false);
  });
});
