import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiFixture,
  makeDeliveryFailure,
  makeNotificationSettings,
  makeSchedule,
  startApiFixture,
} from './api-fixture.ts';
import { renderApp, resetApp } from './render-app.tsx';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture();
});
afterAll(() => api.close());
afterEach(() => {
  resetApp();
  api.state.schedules = null;
  api.state.notifications = null;
  api.state.notificationFailures = [];
});

describe('schedules page', () => {
  it('says clearly that the server has no schedules or notifications (404)', async () => {
    renderApp(api, { hash: '#/schedules' });
    expect(
      await screen.findByText(/Schedules are not available on this server: it answered 404/),
    ).toBeTruthy();
    expect(await screen.findByText(/Notification settings are not available on this server/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create schedule' })).toBeNull();
  });

  it('lists, creates (showing validation errors by the field) and deletes schedules', async () => {
    const nightly = makeSchedule({ name: 'nightly' });
    api.state.schedules = [nightly];
    renderApp(api, { hash: '#/schedules' });
    expect(await screen.findByText('nightly')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'file:///srv/samples' } });
    fireEvent.change(screen.getByLabelText('Cron expression'), { target: { value: 'every day' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByText('cron needs five fields')).toBeTruthy();
    expect(screen.getByLabelText('Cron expression').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('Cron expression'), { target: { value: '*/15 * * * *' } });
    fireEvent.change(screen.getByLabelText('Name (optional)'), { target: { value: 'samples' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect(await screen.findByText('samples')).toBeTruthy();
    const created = api.requests.filter((r) => r.method === 'POST' && r.path === '/schedules').at(-1);
    expect(created?.body).toMatchObject({
      source: 'file:///srv/samples',
      cron: '*/15 * * * *',
      name: 'samples',
    });
    expect(created?.body).toHaveProperty('timezone', expect.any(String));

    fireEvent.click(screen.getByRole('button', { name: 'Delete schedule nightly' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await within(screen.getByRole('table')).findByText('samples');
    await expect.poll(() => screen.queryByText('nightly')).toBeNull();
    expect(api.state.schedules?.map((s) => s.id)).not.toContain(nightly.id);
  });

  it('loads and saves notification settings', async () => {
    api.state.schedules = [];
    api.state.notifications = makeNotificationSettings({ when: 'finished' });
    renderApp(api, { hash: '#/schedules' });
    const finished = await screen.findByLabelText('Every finished job');
    await expect.poll(() => (finished as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Only when findings reach'));
    fireEvent.change(screen.getByLabelText('Minimum severity'), { target: { value: 'critical' } });
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'https://hooks.example/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notifications' }));
    expect(await screen.findByText('Notification settings saved.')).toBeTruthy();
    expect(api.state.notifications).toMatchObject({
      when: 'findings',
      min_severity: 'critical',
      webhook_url: 'https://hooks.example/x',
    });
  });

  it("shows the next run in the schedule's own time zone, named", async () => {
    api.state.schedules = [
      makeSchedule({ name: 'tokyo', timezone: 'Asia/Tokyo', next_run_at: '2026-12-07T21:30:00.000Z' }),
    ];
    renderApp(api, { hash: '#/schedules' });
    const row = (await screen.findByText('tokyo')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Tue, Dec 8, 2026, 06:30 (Asia/Tokyo)')).toBeTruthy();
  });

  it('pauses and resumes a schedule', async () => {
    const nightly = makeSchedule({ name: 'nightly' });
    api.state.schedules = [nightly];
    renderApp(api, { hash: '#/schedules' });
    fireEvent.click(await screen.findByRole('button', { name: 'Pause schedule nightly' }));
    const row = (await screen.findByText('paused')).closest('tr') as HTMLElement;
    expect(within(row).getByText('nightly')).toBeTruthy();
    const patch = api.requests.filter((r) => r.method === 'PATCH').at(-1);
    expect(patch?.path).toBe(`/schedules/${nightly.id}`);
    expect(patch?.body).toEqual({ paused: true });
    fireEvent.click(screen.getByRole('button', { name: 'Resume schedule nightly' }));
    await screen.findByRole('button', { name: 'Pause schedule nightly' });
    expect(screen.queryByText('paused')).toBeNull();
    expect(api.requests.filter((r) => r.method === 'PATCH').at(-1)?.body).toEqual({ paused: false });
  });

  it('edits a schedule, showing a bad cron beside its field', async () => {
    const nightly = makeSchedule({ name: 'nightly', cron: '0 3 * * *', timezone: 'UTC' });
    api.state.schedules = [nightly];
    renderApp(api, { hash: '#/schedules' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit schedule nightly' }));
    const form = within(screen.getByRole('form', { name: 'Edit schedule nightly' }));
    expect((form.getByLabelText('Cron expression') as HTMLInputElement).value).toBe('0 3 * * *');
    fireEvent.change(form.getByLabelText('Cron expression'), { target: { value: 'daily' } });
    fireEvent.click(form.getByRole('button', { name: 'Save schedule' }));
    expect(await form.findByText('cron needs five fields')).toBeTruthy();
    expect(form.getByLabelText('Cron expression').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(form.getByLabelText('Cron expression'), { target: { value: '15 4 * * 1' } });
    fireEvent.change(form.getByLabelText('Time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.change(form.getByLabelText('Name (optional)'), { target: { value: 'weekly' } });
    fireEvent.click(form.getByRole('button', { name: 'Save schedule' }));
    const row = (await screen.findByText('weekly')).closest('tr') as HTMLElement;
    expect(within(row).getByText('15 4 * * 1')).toBeTruthy();
    expect(screen.queryByRole('form', { name: /Edit schedule/ })).toBeNull();
    expect(api.requests.filter((r) => r.method === 'PATCH').at(-1)?.body).toMatchObject({
      cron: '15 4 * * 1',
      timezone: 'Europe/Berlin',
      name: 'weekly',
      detectors: null,
    });
  });

  it('says which channels the server can send on, and warns when saving one it cannot', async () => {
    api.state.schedules = [];
    api.state.notifications = makeNotificationSettings({ channels_available: ['webhook'] });
    renderApp(api, { hash: '#/schedules' });
    const email = await screen.findByLabelText('Email to');
    await screen.findByText('This server cannot send email: it is not configured for it.');
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /cannot send email/,
    );
    expect(screen.getByText('This server can send webhook messages.')).toBeTruthy();
    fireEvent.change(email, { target: { value: 'sec@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notifications' }));
    const status = await screen.findByText(/saved, but this server cannot send email/);
    expect(status.textContent).not.toBe('Notification settings saved.');
  });

  it('sends a test notification and lists recent delivery failures', async () => {
    api.state.schedules = [];
    api.state.notifications = makeNotificationSettings({
      webhook_url: 'https://hooks.example/x',
      sms_to: '+14155550100',
    });
    api.state.notificationFailures = [
      makeDeliveryFailure({ job_name: 'nightly exports', error: 'webhook answered HTTP 500' }),
    ];
    renderApp(api, { hash: '#/schedules' });
    const failures = within(
      (await screen.findByRole('heading', { name: 'Recent delivery failures' })).closest(
        'section',
      ) as HTMLElement,
    );
    expect(await failures.findByText('webhook answered HTTP 500')).toBeTruthy();
    expect(failures.getByRole('link', { name: 'nightly exports' })).toBeTruthy();
    expect(failures.getByText('gave up after 8')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(await screen.findByText(/Test queued for webhook: .* This server cannot send sms\./)).toBeTruthy();
    expect(api.requests.some((r) => r.method === 'POST' && r.path === '/settings/notifications/test')).toBe(
      true,
    );
  });

  it('says what to set when a test is asked for with no channel set', async () => {
    api.state.schedules = [];
    api.state.notifications = makeNotificationSettings();
    renderApp(api, { hash: '#/schedules' });
    await screen.findByText('No failed deliveries.');
    fireEvent.click(screen.getByRole('button', { name: 'Send test notification' }));
    expect(
      await screen.findByText(/No channel is set: save a webhook URL, email or SMS number first/),
    ).toBeTruthy();
  });
});
