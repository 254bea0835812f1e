import { cleanup, render } from '@testing-library/react';
import { App } from '../src/app.tsx';
import type { ApiFixture } from './api-fixture.ts';

/** Renders the whole dashboard against the fixture, signed in unless `key` is null, at `hash`. */
export function renderApp(
  fixture: ApiFixture,
  { hash = '#/', key = fixture.state.apiKey as string | null } = {},
) {
  sessionStorage.clear();
  if (key !== null) sessionStorage.setItem('data-scanner.api-key', key);
  window.location.hash = hash;
  return render(<App apiBaseUrl={fixture.url} />);
}

/** Unmounts and forgets the session between tests. */
export function resetApp() {
  cleanup();
  sessionStorage.clear();
  window.location.hash = '';
}
