import { fireEvent, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, makeJob, startApiFixture } from './api-fixture.ts';
import { renderApp, resetApp } from './render-app.tsx';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApiFixture({ jobs: [makeJob({ name: 'nightly' })] });
});
afterAll(() => api.close());
afterEach(() => {
  resetApp();
  api.state.apiKey = 'test-key';
});

describe('sign in', () => {
  it('says clearly that a wrong key was refused (401) and stores nothing', async () => {
    renderApp(api, { key: null });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('was not accepted (401)'),
    );
    expect(sessionStorage.getItem('data-scanner.api-key')).toBeNull();
  });

  it('keeps an accepted key in sessionStorage only and shows the jobs', async () => {
    localStorage.clear();
    renderApp(api, { key: null });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'test-key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('link', { name: 'nightly' })).toBeTruthy();
    expect(sessionStorage.getItem('data-scanner.api-key')).toBe('test-key');
    expect(localStorage.length).toBe(0);
    const auth = api.requests.filter((r) => r.path === '/jobs').map((r) => r.headers.authorization);
    expect(auth).toContain('Bearer test-key');
  });

  it('forgets the key on sign out', async () => {
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('API key')).toBeTruthy();
    expect(sessionStorage.getItem('data-scanner.api-key')).toBeNull();
  });

  it('signs out with a notice when the server starts answering 401', async () => {
    renderApp(api);
    await screen.findByRole('link', { name: 'nightly' });
    api.state.apiKey = 'rotated';
    fireEvent.click(screen.getByRole('link', { name: 'Schedules' }));
    expect(await screen.findByText(/no longer accepts this API key \(401\)/)).toBeTruthy();
    expect(screen.getByLabelText('API key')).toBeTruthy();
    expect(sessionStorage.getItem('data-scanner.api-key')).toBeNull();
  });
});
