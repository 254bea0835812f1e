import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiFixture,
  makeFinding,
  makeJob,
  makeObject,
  type RawExposureDetail,
  type RawJob,
  startApiFixture,
} from './api-fixture.ts';
import { makeExposure, makeOccurrence } from './exposure-fixtures.ts';
import { renderApp, resetApp } from './render-app.tsx';

let api: ApiFixture;
let job: RawJob;
let key: RawExposureDetail;
let emails: RawExposureDetail;
let card: RawExposureDetail;

beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());
beforeEach(() => {
  job = makeJob({
    name: 'exports',
    progress: { findings: 3 },
    exposures: { new: 2, open: 3, resolved: 1, reopened: 0, suppressed: 4, previous_job_id: null },
  });
  api.state.jobs = [job];
  api.state.findings.set(job.job_id, [
    makeFinding(job.job_id, { object: { key: 'config/.env' } }),
    makeFinding(job.job_id, { severity: 'medium', detector: 'email-address', category: 'personal' }),
  ]);
  api.state.objects.set(job.job_id, [makeObject({ key: 'config/.env', findings: 1 })]);
  const older = new Date(Date.now() - 86_400_000).toISOString();
  emails = makeExposure({
    detector: 'email-address',
    category: 'personal',
    severity: 'medium',
    redacted: 'j***@e******.com',
    last_job_id: job.job_id,
    occurrences_page: {
      items: [makeOccurrence(job.job_id, { object: { key: 'data/users.json' } })],
      next_cursor: null,
    },
  });
  key = makeExposure({
    last_job_id: job.job_id,
    occurrences: 500,
    objects: 500,
    last_seen_at: older,
    occurrences_page: {
      items: Array.from({ length: 30 }, (_, i) =>
        makeOccurrence(job.job_id, { id: `o-${i}`, object: { key: `config/app-${i}.env` } }),
      ),
      next_cursor: null,
    },
    history: [
      {
        at: older,
        actor: 'scanner',
        from_state: null,
        to_state: 'open',
        note: null,
        job_id: job.job_id,
      },
    ],
  });
  card = makeExposure({
    detector: 'credit-card',
    category: 'financial',
    severity: 'high',
    redacted: '4111********1111',
    state: 'false_positive',
    last_job_id: job.job_id,
  });
  api.state.exposures = [emails, card, key];
  api.requests.length = 0;
});
afterEach(resetApp);

const rowsOf = async () => {
  await screen.findByRole('heading', { name: 'Findings', level: 1 });
  const table = await screen.findByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[2]?.textContent);
};

describe('findings inbox', () => {
  it('lists one row per exposure across jobs, most severe first, with counts, state and where', async () => {
    renderApp(api, { hash: '#/findings' });
    expect(await rowsOf()).toEqual([
      'aws-access-key-id AKIA************MPLEcredentials',
      'credit-card 4111********1111financial',
      'email-address j***@e******.compersonal',
    ]);
    const row = screen.getByText('AKIA************MPLE').closest('tr') as HTMLElement;
    expect(within(row).getByText('500 occurrences in 500 objects')).toBeTruthy();
    expect(within(row).getByText('open')).toBeTruthy();
    expect(document.title).toBe('Findings · Data Scanner');
  });

  it('filters through the API from the URL and from the form', async () => {
    renderApp(api, { hash: `#/findings?job=${job.job_id}&severity=high` });
    expect(await rowsOf()).toEqual(['credit-card 4111********1111financial']);
    const sent = api.requests.filter((r) => r.path === '/findings').at(-1);
    expect(sent?.query.get('job')).toBe(job.job_id);
    expect(sent?.query.get('severity')).toBe('high');
    expect((screen.getByLabelText('Severity') as HTMLSelectElement).value).toBe('high');

    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'open' } });
    await expect.poll(() => window.location.hash).toBe(`#/findings?job=${job.job_id}&state=open`);
    await expect
      .poll(rowsOf)
      .toEqual([
        'aws-access-key-id AKIA************MPLEcredentials',
        'email-address j***@e******.compersonal',
      ]);
    fireEvent.change(screen.getByLabelText('Object key starts with'), { target: { value: 'data/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await expect.poll(rowsOf).toEqual(['email-address j***@e******.compersonal']);
    expect(
      api.requests
        .filter((r) => r.path === '/findings')
        .at(-1)
        ?.query.get('object'),
    ).toBe('data/');
  });

  it('changes the state of the selected exposures at once, with a note', async () => {
    renderApp(api, { hash: '#/findings' });
    await rowsOf();
    const apply = screen.getByRole('button', { name: 'Apply to 0 selected' });
    expect((apply.closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Select aws-access-key-id AKIA************MPLE'));
    fireEvent.click(screen.getByLabelText('Select email-address j***@e******.com'));
    fireEvent.change(screen.getByLabelText('New state'), { target: { value: 'revoked' } });
    fireEvent.change(screen.getByLabelText('Note (optional)'), {
      target: { value: 'rotated on 2026-12-07' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 selected' }));
    expect(await screen.findByText('2 marked revoked.')).toBeTruthy();
    const sent = api.requests.find((r) => r.path === '/findings/triage');
    expect(sent?.body).toEqual({ ids: [key.id, emails.id], state: 'revoked', note: 'rotated on 2026-12-07' });
    expect(key.state).toBe('revoked');
    await expect.poll(() => screen.getAllByText('revoked').length).toBeGreaterThanOrEqual(2);
    expect(await screen.findByRole('button', { name: 'Apply to 0 selected' })).toBeTruthy();
  });

  it('exports the view as shown, filters included, with the API key', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      saved.push(b);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    renderApp(api, { hash: `#/findings?job=${job.job_id}&state=open` });
    await rowsOf();
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    expect(await screen.findByText('CSV downloaded as data-scanner-findings.csv.')).toBeTruthy();
    const sent = api.requests.find((r) => r.path === '/findings/export');
    expect(Object.fromEntries(sent?.query ?? [])).toEqual({ job: job.job_id, state: 'open', format: 'csv' });
    expect(sent?.headers.authorization).toBe('Bearer test-key');
    expect(saved).toHaveLength(1);
  });

  it('selects every row of the page with one checkbox', async () => {
    renderApp(api, { hash: '#/findings' });
    await rowsOf();
    fireEvent.click(screen.getByLabelText('Select all on this page'));
    expect(screen.getByRole('button', { name: 'Apply to 3 selected' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Select all on this page'));
    expect(screen.getByRole('button', { name: 'Apply to 0 selected' })).toBeTruthy();
  });
});

describe('finding detail', () => {
  it('shows occurrences across objects and jobs (paged), the history and the remediation hint', async () => {
    renderApp(api, { hash: `#/findings/${key.id}` });
    const h1 = await screen.findByRole('heading', { level: 1, name: /^aws-access-key-id/ });
    expect(h1.textContent).toBe('aws-access-key-id AKIA************MPLE');
    expect(document.title).toBe('aws-access-key-id AKIA************MPLE · Data Scanner');
    expect(screen.getByText('Rotate the key in IAM, then mark it revoked.')).toBeTruthy();
    const history = within(
      screen.getByRole('heading', { name: 'History' }).closest('section') as HTMLElement,
    );
    expect(history.getByText('scanner')).toBeTruthy();
    const occ = within(
      screen
        .getByRole('heading', { name: 'Occurrences across objects and jobs' })
        .closest('section') as HTMLElement,
    );
    expect(occ.getByText('config/app-0.env')).toBeTruthy();
    expect(occ.getAllByRole('link', { name: job.job_id.slice(0, 8) }).length).toBe(25);
    fireEvent.click(occ.getByRole('button', { name: 'Next page' }));
    expect(await occ.findByText('config/app-25.env')).toBeTruthy();
    expect(occ.queryByText('config/app-0.env')).toBeNull();
  });

  it('changes its state with a note, and the history shows who and why', async () => {
    renderApp(api, { hash: `#/findings/${key.id}` });
    await screen.findByText('Rotate the key in IAM, then mark it revoked.');
    fireEvent.change(screen.getByLabelText('New state'), { target: { value: 'accepted_risk' } });
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'test account' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save state' }));
    expect(await screen.findByText('Marked accepted risk.')).toBeTruthy();
    expect(await screen.findByText('“test account”')).toBeTruthy();
    const patch = api.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ state: 'accepted_risk', note: 'test account' });
  });

  it('says so when the finding is not the caller’s', async () => {
    renderApp(api, { hash: '#/findings/00000000-0000-4000-8000-000000000000' });
    expect(await screen.findByText('No such finding for this API key (404).')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});

describe('job page links into the inbox', () => {
  it('shows new, open, resolved and suppressed exposures as links', async () => {
    renderApp(api, { hash: `#/jobs/${job.job_id}` });
    const counts = await screen.findByRole('list', { name: 'Exposures of this job' });
    const texts = within(counts)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(texts).toEqual(['2 New', '3 Open', '1 Resolved', '0 Reopened', '4 Suppressed']);
    expect(within(counts).getByRole('link', { name: '3 Open' }).getAttribute('href')).toBe(
      `#/findings?job=${job.job_id}&state=open`,
    );
  });

  it('makes each chart bar and each object with findings a link to the filtered inbox', async () => {
    renderApp(api, { hash: `#/jobs/${job.job_id}` });
    const sev = await screen.findByRole('list', { name: 'By severity' });
    const critical = within(sev).getByRole('link', { name: 'critical' });
    expect(critical.getAttribute('href')).toBe(`#/findings?job=${job.job_id}&severity=critical`);
    const det = screen.getByRole('list', { name: 'By detector' });
    expect(within(det).getByRole('link', { name: 'email-address' }).getAttribute('href')).toBe(
      `#/findings?job=${job.job_id}&detector=email-address`,
    );
    const object = await screen.findByRole('link', { name: '1 findings in config/.env' });
    expect(object.getAttribute('href')).toBe(`#/findings?job=${job.job_id}&object=config%2F.env`);
    fireEvent.click(critical);
    window.location.hash = critical.getAttribute('href') ?? '';
    expect(await rowsOf()).toEqual(['aws-access-key-id AKIA************MPLEcredentials']);
  });
});
