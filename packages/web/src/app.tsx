import { useEffect, useRef } from 'react';
import { SWRConfig } from 'swr';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ApiProvider, useApiSession } from './auth/api-context.tsx';
import { SignIn } from './auth/sign-in.tsx';
import { FindingPage } from './findings/finding-page.tsx';
import { FindingsInbox } from './findings/findings-inbox.tsx';
import { JobPage } from './job/job-page.tsx';
import { JobsPage } from './jobs/jobs-page.tsx';
import { SchedulesPage } from './schedules/schedules-page.tsx';
import { usePageTitle } from './ui/use-page-title.ts';

/**
 * The dashboard. Routes live in the URL hash (`#/jobs/<id>`), so the same build works from any
 * static host and never collides with the API's own paths on the same origin.
 */
export function App({ apiBaseUrl }: { apiBaseUrl: string }) {
  return (
    <ApiProvider baseUrl={apiBaseUrl}>
      <Router hook={useHashLocation}>
        <Shell />
      </Router>
    </ApiProvider>
  );
}

function Shell() {
  const { api, signOut } = useApiSession();
  const [location] = useLocation();
  // The inbox keeps its filters after `?` in the hash; a filter change is not a new page.
  const page = location.split('?')[0];
  const first = useRef(true);
  // After a client-side navigation, move focus to the new page so keyboard and screen-reader users start there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page is the trigger; the effect reads the DOM, not it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [page]);
  if (!api) return <SignIn />;
  return (
    // Mounted on sign-in: a fresh SWR cache, so nothing read with one key shows under another.
    <SWRConfig value={{ provider: () => new Map() }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Data Scanner</span>
        <nav aria-label="Main">
          <NavLink href="/">Jobs</NavLink>
          <NavLink href="/findings">Findings</NavLink>
          <NavLink href="/schedules">Schedules</NavLink>
        </nav>
        <button type="button" className="link-button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/">
            <JobsPage />
          </Route>
          <Route path="/jobs/:id">{(p) => <JobPage key={p.id} jobId={decodeURIComponent(p.id)} />}</Route>
          <Route path={/^\/findings(?:\?(?<query>.*))?$/}>
            {(p: { query?: string }) => <FindingsInbox query={p.query ?? ''} />}
          </Route>
          <Route path="/findings/:id">
            {(p) => <FindingPage key={p.id} exposureId={decodeURIComponent(p.id)} />}
          </Route>
          <Route path="/schedules">
            <SchedulesPage />
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </main>
    </SWRConfig>
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to jobs</Link>
      </p>
    </section>
  );
}

function NavLink({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const path = location.split('?')[0] ?? '/';
  const active =
    href === '/' ? path === '/' || path.startsWith('/jobs/') : path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
