import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, makeNotificationSettings, makeSchedule, startApiFixture } from './api-fixture.ts';
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
});
