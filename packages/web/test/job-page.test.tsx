import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiFixture,
  makeFinding,
  makeJob,
  makeObject,
  type RawFinding,
  type RawJob,
  startApiFixture,
} from './api-fixture.ts';
import { renderApp, resetApp } from './render-app.tsx';

let api: ApiFixture;
let job: RawJob;

function finding(i: number, over: Partial<RawFinding> = {}): RawFinding {
  return makeFinding(job.job_id, {
    id: `f-${i}`,
    location: { byte_start: 10 * i, byte_end: 10 * i + 20, line: i + 1, column: 7 },
    fingerprint: `fp${i}`,
    ...over,
  });
}

beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());
beforeEach(() => {
  job = makeJob({
    name: 'samples',
    status: 'scanning',
    finished_at: null,
    progress: { objects_total: 8, objects_done: 6, bytes_scanned: 5 * 1024 * 1024, findings: 62 },
  });
  api.state.jobs = [job];
  api.state.aggregates.clear();
  api.requests.length = 0;
  const findings = Array.from({ length: 60 }, (_, i) => finding(i));
  findings.push(
    finding(60, {
      object: { key: 'data/users.json' },
      detector: 'email-address',
      category: 'personal',
      severity: 'medium',
      redacted: 'j***@e******.com',
      location: { byte_start: 1, byte_end: 9, line: 3, column: 12, json_path: '$.users[0].email' },
    }),
    finding(61, {
      object: { key: 'data/cards.csv' },
      detector: 'credit-card',
      category: 'financial',
      severity: 'high',
      redacted: '4111********1111',
      location: {
        byte_start: 1,
        byte_end: 9,
        line: 5,
        column: 1,
        row: 4,
        column_index: 2,
        column_name: 'card',
      },
    }),
  );
  api.state.findings.set(job.job_id, findings);
  api.state.objects.set(job.job_id, [
    makeObject({ key: 'notes/readme.txt', bytes: 2048, findings: 60 }),
    makeObject({
      key: 'bin/tool.exe',
      status: 'SKIPPED',
      reason: 'UNSUPPORTED_BINARY',
      reason_detail: 'binary file',
      bytes: 99,
    }),
  ]);
  api.state.exports = false;
});
afterEach(resetApp);

const openJob = () => renderApp(api, { hash: `#/jobs/${job.job_id}` });

describe('job page', () => {
  it('shows live progress of objects and bytes, and follows the job to its end', async () => {
    openJob();
    const objects = await screen.findByRole('progressbar', { name: 'Objects' });
    expect(objects.getAttribute('aria-valuenow')).toBe('6');
    expect(objects.getAttribute('aria-valuemax')).toBe('8');
    const bytes = screen.getByRole('progressbar', { name: 'Bytes' });
    expect(bytes.getAttribute('aria-valuetext')).toBe('5.0 MB so far, total not known yet');
    job.status = 'succeeded';
    job.progress = { ...job.progress, objects_done: 8 };
    await screen.findByText('succeeded', {}, { timeout: 5000 });
    expect(screen.getByRole('progressbar', { name: 'Objects' }).getAttribute('aria-valuenow')).toBe('8');
  });

  it('shows a bar whose total is unknown as indeterminate (a moving stripe, no value), never full', async () => {
    job.progress = { ...job.progress, objects_total: 0, objects_done: 0, bytes_total: null };
    openJob();
    for (const name of ['Objects', 'Bytes']) {
      const bar = await screen.findByRole('progressbar', { name });
      expect(bar.getAttribute('aria-valuenow')).toBeNull();
      expect(bar.getAttribute('aria-valuetext')).toMatch(/total not known yet$/);
      const fill = bar.querySelector('.progress-fill') as HTMLElement;
      expect(fill.classList.contains('indeterminate')).toBe(true);
      expect(fill.style.width).not.toBe('100%');
    }
    job.status = 'cancelled';
    await screen.findByText('cancelled', {}, { timeout: 5000 });
    const stopped = screen.getByRole('progressbar', { name: 'Bytes' });
    expect(stopped.querySelector('.progress-fill')).toBeNull();
    expect(stopped.getAttribute('aria-valuetext')).toBe('5.0 MB');
  });

  it('reads findings and objects again when the job finishes, without a reload', async () => {
    const all = api.state.findings.get(job.job_id) ?? [];
    const objects = api.state.objects.get(job.job_id) ?? [];
    api.state.findings.set(job.job_id, []);
    api.state.objects.set(job.job_id, []);
    job.progress = { ...job.progress, findings: 0 };
    openJob();
    expect(await screen.findByText('No findings match.')).toBeTruthy();
    api.state.findings.set(job.job_id, all);
    api.state.objects.set(job.job_id, objects);
    job.status = 'succeeded';
    job.progress = { ...job.progress, objects_done: 8, findings: all.length };
    expect(await screen.findByText('line 1, column 7', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('UNSUPPORTED_BINARY')).toBeTruthy();
  });

  it('charts findings by severity, category and detector', async () => {
    openJob();
    const sev = await screen.findByRole('list', { name: 'By severity' });
    const items = within(sev)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['critical60', 'high1', 'medium1']);
    const cat = screen.getByRole('list', { name: 'By category' });
    expect(within(cat).getByText('personal').closest('li')?.textContent).toBe('personal1');
    const det = screen.getByRole('list', { name: 'By detector' });
    expect(within(det).getAllByRole('listitem')[0]?.textContent).toBe('aws-access-key-id60');
  });

  it('lists findings with masked values and locations as line/column, JSON path or cell', async () => {
    openJob();
    await screen.findByText('line 1, column 7');
    expect(screen.getAllByText('AKIA************MPLE').length).toBe(25);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'medium' } });
    expect(await screen.findByText('$.users[0].email')).toBeTruthy();
    expect(screen.getByText('j***@e******.com')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'high' } });
    expect(await screen.findByText('row 4, column card')).toBeTruthy();
  });

  it('lists the most severe findings first, or in the order found when asked', async () => {
    const all = api.state.findings.get(job.job_id) ?? [];
    api.state.findings.set(job.job_id, [
      finding(0, { severity: 'low', detector: 'email-address', redacted: 'a***@b.com' }),
      ...all.slice(1),
    ]);
    openJob();
    await screen.findByText('line 2, column 7');
    const firstRow = () =>
      within(screen.getByText('line 2, column 7').closest('tbody') as HTMLElement).getAllByRole('row')[0]
        ?.textContent;
    expect(firstRow()).toMatch(/^critical/);
    expect(
      api.requests
        .filter((r) => r.path === '/results')
        .at(-1)
        ?.query.get('sort'),
    ).toBe('severity');
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'seq' } });
    await expect.poll(firstRow).toMatch(/^low/);
  });

  it('pages through findings with next_cursor and back', async () => {
    openJob();
    await screen.findByText('line 1, column 7');
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Findings pages' })).getByText('Next page'),
    );
    expect(await screen.findByText('line 26, column 7')).toBeTruthy();
    expect(screen.queryByText('line 1, column 7')).toBeNull();
    const cursor = api.requests.filter((r) => r.path === '/results' && r.query.get('limit') === '25').at(-1);
    expect(cursor?.query.get('cursor')).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Findings pages' });
    fireEvent.click(within(pager).getByText('Previous page'));
    expect(await screen.findByText('line 1, column 7')).toBeTruthy();
  });

  it('keeps the rows per page when filtering by severity (10 rows, not a batch of 200)', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      finding(100 + i, { severity: 'high', detector: 'credit-card', redacted: `4111********${1000 + i}` }),
    );
    api.state.findings.get(job.job_id)?.push(...many);
    openJob();
    await screen.findByText('line 1, column 7');
    fireEvent.change(screen.getByLabelText('Rows per page'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'high' } });
    await screen.findByText('row 4, column card');
    const table = screen.getByText('row 4, column card').closest('table') as HTMLElement;
    expect(within(table).getAllByRole('row').length).toBe(1 + 10);
    const sent = api.requests.filter((r) => r.path === '/results').at(-1);
    expect(sent?.query.get('severity')).toBe('high');
    expect(sent?.query.get('limit')).toBe('10');
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Findings pages' })).getByText('Next page'),
    );
    expect(await screen.findByText('4111********1009')).toBeTruthy();
    expect(
      within(screen.getByText('4111********1009').closest('table') as HTMLElement).getAllByRole('row').length,
    ).toBe(11);
  });

  it('filters by detector and by object through the API', async () => {
    openJob();
    await screen.findByText('line 1, column 7');
    fireEvent.change(screen.getByLabelText('Detector'), { target: { value: 'credit-card' } });
    expect(await screen.findByText('4111********1111')).toBeTruthy();
    expect(api.requests.some((r) => r.path === '/results' && r.query.get('detector') === 'credit-card')).toBe(
      true,
    );
    fireEvent.change(screen.getByLabelText('Detector'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Object'), { target: { value: 'data/users.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('$.users[0].email')).toBeTruthy();
    expect(screen.queryByText('line 1, column 7')).toBeNull();
    expect(
      api.requests.some((r) => r.path === '/results' && r.query.get('object') === 'data/users.json'),
    ).toBe(true);
  });

  it('opens a finding to show its details, never a raw value', async () => {
    openJob();
    await screen.findByText('line 1, column 7');
    fireEvent.click(screen.getByRole('button', { name: 'Details of finding f-0' }));
    const dl = screen.getByLabelText('Finding details');
    expect(dl.textContent).toContain('fp0');
    expect(dl.textContent).toContain('90%');
    expect(dl.textContent).toContain('0–20');
    expect(screen.getByRole('button', { name: 'Details of finding f-0' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  });

  it('shows each object with its status and reason code', async () => {
    openJob();
    const cell = await screen.findByText('UNSUPPORTED_BINARY');
    const row = cell.closest('tr') as HTMLElement;
    expect(within(row).getByText('bin/tool.exe')).toBeTruthy();
    expect(within(row).getByText('SKIPPED')).toBeTruthy();
    expect(within(row).getByText('binary file')).toBeTruthy();
  });

  it('says clearly when the server has no exports (404)', async () => {
    openJob();
    fireEvent.click(await screen.findByRole('button', { name: 'Download SARIF' }));
    expect(await screen.findByText(/SARIF is not available: the server answered 404/)).toBeTruthy();
    expect(
      api.requests.some((r) => r.path === `/jobs/${job.job_id}/export` && r.query.get('format') === 'sarif'),
    ).toBe(true);
  });

  it('downloads an export with the API key', async () => {
    api.state.exports = true;
    const saved: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      saved.push(b);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    openJob();
    fireEvent.click(await screen.findByRole('button', { name: 'Download SARIF' }));
    expect(await screen.findByText(`SARIF downloaded as ${job.job_id}.sarif.`)).toBeTruthy();
    const sarif = JSON.parse(await (saved[0] as Blob).text());
    expect(sarif.version).toBe('2.1.0');
    const req = api.requests.filter((r) => r.path.endsWith('/export')).at(-1);
    expect(req?.headers.authorization).toBe('Bearer test-key');
  });

  it('shows the aggregates: exact counts of personal data per object, detector and field, with sample locations', async () => {
    api.state.aggregates.set(job.job_id, [
      {
        id: 'a-1',
        job_id: job.job_id,
        object: { key: 'exports/customers.csv' },
        detector: 'email-address',
        category: 'personal',
        severity: 'medium',
        field: 'email',
        count: 12_500,
        threshold: 100,
        samples: [
          {
            byte_start: 900,
            byte_end: 917,
            line: 101,
            column: 3,
            row: 100,
            column_index: 1,
            column_name: 'email',
          },
          {
            byte_start: 940,
            byte_end: 957,
            line: 102,
            column: 3,
            row: 101,
            column_index: 1,
            column_name: 'email',
          },
        ],
      },
    ]);
    job.progress = { ...job.progress, findings: 62 + 12_500, findings_aggregated: 12_500 };
    openJob();
    const table = within(
      (await screen.findByRole('heading', { name: 'Counted personal data' })).closest(
        'section',
      ) as HTMLElement,
    );
    const row = (await table.findByText('exports/customers.csv')).closest('tr') as HTMLElement;
    expect(within(row).getByText('email-address')).toBeTruthy();
    expect(within(row).getByText('email')).toBeTruthy();
    expect(within(row).getByText('12,500')).toBeTruthy();
    expect(within(row).getByText('row 100, column email')).toBeTruthy();
    expect(within(row).getByText('row 101, column email')).toBeTruthy();
    expect(screen.getByText(/12,562 findings \(12,500 counted in aggregates\)/)).toBeTruthy();
    const personal = within(screen.getByRole('list', { name: 'By category' })).getByText('personal');
    expect(personal.closest('li')?.textContent).toBe('personal12,501');
  });

  it('reads no aggregates for a job that has none', async () => {
    openJob();
    await screen.findByText('line 1, column 7');
    expect(screen.queryByRole('heading', { name: 'Counted personal data' })).toBeNull();
    expect(api.requests.some((r) => r.path === '/results/aggregates')).toBe(false);
  });

  it('cancels a running job only after a confirmation', async () => {
    openJob();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel job' }, { timeout: 5000 }));
    const keep = screen.getByRole('button', { name: 'Keep it running' });
    expect(screen.getByRole('group', { name: /Cancel this job\?/ })).toBeTruthy();
    fireEvent.click(keep);
    expect(api.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel'))).toBe(false);
    expect(job.status).toBe('scanning');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel job' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the job' }));
    expect(await screen.findByText('cancelled', {}, { timeout: 5000 })).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'POST' && r.path === `/jobs/${job.job_id}/cancel`)).toBe(
      true,
    );
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull();
  });

  it('says so when the job does not exist for this key', async () => {
    renderApp(api, { hash: '#/jobs/00000000-0000-4000-8000-000000000000' });
    expect(await screen.findByText('No such job for this API key (404).')).toBeTruthy();
  });
});
