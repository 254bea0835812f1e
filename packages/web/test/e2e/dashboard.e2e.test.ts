// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './axe.ts';
import { CHROMIUM, launchChromium } from './chromium.ts';
import { buildDashboard, REPO_ROOT, type StartedServer, startServer } from './server-process.ts';

const SAMPLE_DIRS = ['samples', 'packages/service/samples', 'examples/samples'].map((d) =>
  path.join(REPO_ROOT, d),
);
/** With DASHBOARD_SCREENSHOTS=1 the screenshots go to docs/ for the README; otherwise to a temp folder. */
const shotsDir = () =>
  process.env.DASHBOARD_SCREENSHOTS === '1'
    ? path.join(REPO_ROOT, 'docs')
    : mkdtempSync(path.join(tmpdir(), 'ds-shots-'));

const noChromium = !existsSync(CHROMIUM);
if (noChromium)
  console.warn(`dashboard e2e skipped: no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium)`);

describe.skipIf(noChromium)('dashboard end to end (Chromium against npm start)', { timeout: 240_000 }, () => {
  let server: StartedServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let jobUrl = '';
  let samplesDir = '';

  beforeAll(async () => {
    buildDashboard();
    server = await startServer();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 300_000);

  afterAll(async () => {
    if (process.env.DASHBOARD_E2E_LOG) console.log(server?.output().slice(-6000));
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong key with a clear 401 message, then signs in', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Data Scanner', level: 1 }).waitFor();
    expect(await page.title()).toBe('Sign in · Data Scanner');
    expect(await seriousAccessibilityViolations(page), 'sign-in').toEqual([]);
    await page.getByLabel('API key').fill('dsk_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not accepted (401)');
    await page.getByLabel('API key').fill(server.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Jobs' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('data-scanner.api-key'))).toBe(server.apiKey);
  });

  it('submits a scan of the shipped samples and follows it to the end', async () => {
    const samples = [...server.localRoots, ...SAMPLE_DIRS].find((d) => existsSync(d));
    samplesDir = samples ?? '';
    expect(samples, `no samples folder among ${SAMPLE_DIRS.join(', ')}`).toBeTruthy();
    await page.getByLabel('Source').fill('file:///etc');
    await page.getByRole('button', { name: 'Start scan' }).click();
    await expect.poll(() => page.getByLabel('Source').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.getByLabel('Source').getAttribute('aria-describedby')) ?? '';
    const errId = describedBy.split(' ').find((id) => id.endsWith('-err')) ?? 'missing';
    expect(await page.locator(`[id="${errId}"]`).textContent()).toMatch(/outside the allowed local roots/);
    await page.getByLabel('Source').fill(`file://${samples}`);
    await page.getByLabel('Name (optional)').fill('shipped samples');
    await page.getByRole('button', { name: 'Start scan' }).click();
    await page.getByRole('heading', { name: 'shipped samples' }).waitFor();
    jobUrl = page.url();
    const badge = page.locator('.job-page .section-head .badge').first();
    await expect
      .poll(() => badge.textContent(), { timeout: 180_000, interval: 1000 })
      .toMatch(/succeeded|partial|failed/);
    expect(await badge.textContent()).toMatch(/succeeded|partial/);
    const objects = page.getByRole('progressbar', { name: 'Objects' });
    expect(await objects.getAttribute('aria-valuenow')).toBe(await objects.getAttribute('aria-valuemax'));
    await page.getByRole('list', { name: 'By severity' }).waitFor();
  });

  it('opens a finding: masked value, location and fingerprint', async () => {
    const first = page.getByRole('button', { name: /^Details of finding / }).first();
    await first.click();
    const details = page.getByLabel('Finding details');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toMatch(/Masked value/);
    expect(text).toMatch(/Fingerprint/);
    expect(text).toMatch(/line \d+, column \d+|row \d+|\$/);
  });

  it('pages through the findings with the cursor, and a severity filter keeps the rows per page', async () => {
    await page.getByLabel('Rows per page').selectOption('10');
    const bars = await page
      .getByRole('list', { name: 'By severity' })
      .getByRole('listitem')
      .allTextContents();
    const [top] = bars
      .map((t) => /^([a-z]+)([\d,]+)$/.exec(t))
      .filter((m) => m !== null)
      .sort((a, b) => Number(b[2]?.replace(/,/g, '')) - Number(a[2]?.replace(/,/g, '')));
    const severity = page.getByRole('form', { name: 'Filter findings' }).getByLabel(/^Severity/);
    await severity.selectOption(top?.[1] ?? 'critical');
    await expect
      .poll(() => page.locator('.findings-table tbody tr .badge').first().textContent())
      .toBe(top?.[1]);
    const shown = await page.locator('.findings-table tbody tr').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(10);
    await severity.selectOption('');
    const firstRow = () => page.locator('.findings-table tbody tr').first().textContent();
    await expect.poll(() => page.locator('.findings-table tbody tr').count()).toBe(10);
    const before = await firstRow();
    const pager = page.getByRole('navigation', { name: 'Findings pages' });
    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pager.textContent()).toContain('Page 2');
    await expect.poll(firstRow).not.toBe(before);
    await pager.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(firstRow).toBe(before);
  });

  it('downloads the SARIF export and it parses', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 }).catch(() => null);
    await page.getByRole('button', { name: 'Download SARIF' }).click();
    const status = page.getByRole('status').filter({ hasText: /SARIF/ });
    await status.waitFor({ timeout: 60_000 });
    const said = (await status.textContent()) ?? '';
    const file = await download;
    expect(file, said).not.toBeNull();
    const sarif = JSON.parse(readFileSync((await file?.path()) as string, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(Array.isArray(sarif.runs)).toBe(true);
  });

  it('downloads the PDF report and the CSV export of the finished job', async () => {
    for (const [label, check] of [
      ['PDF report', (bytes: Buffer) => expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')],
      ['CSV', (bytes: Buffer) => expect(bytes.toString('utf8').split('\n').length).toBeGreaterThan(10)],
    ] as const) {
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await page.getByRole('button', { name: `Download ${label}` }).click();
      const file = await download;
      check(readFileSync((await file.path()) as string));
    }
  });

  it('creates a schedule (a bad cron is shown beside its field), deletes it, and saves notifications', async () => {
    await page.goto(`${server.url}/#/schedules`);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'New schedule' }) });
    await form.getByLabel('Source').fill(`file://${samplesDir}`);
    await form.getByLabel('Cron expression').fill('99 * * * *');
    await form.getByLabel('Time zone').fill('UTC');
    await form.getByRole('button', { name: 'Create schedule' }).click();
    await expect.poll(() => form.getByLabel('Cron expression').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Cron expression').fill('0 3 * * *');
    await form.getByLabel('Name (optional)').fill('nightly samples');
    await form.getByRole('button', { name: 'Create schedule' }).click();
    const remove = page.getByRole('button', { name: 'Delete schedule nightly samples' });
    await remove.waitFor();
    const row = page.locator('tr', { has: remove });
    expect(await row.locator('time').textContent()).toMatch(/, 03:00 \(UTC\)$/);
    await page.getByRole('button', { name: 'Pause schedule nightly samples' }).click();
    await row.getByText('paused').waitFor();
    await page.getByRole('button', { name: 'Resume schedule nightly samples' }).click();
    await row.locator('time').waitFor();
    await remove.click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.getByText('No schedules yet.').waitFor();

    const notifications = page.locator('form', {
      has: page.getByRole('heading', { name: 'Notifications' }),
    });
    await notifications.getByLabel('Webhook URL').fill('http://127.0.0.1:9/scanner-hook');
    await notifications.getByRole('button', { name: 'Save notifications' }).click();
    await expect.poll(() => notifications.getByRole('status').textContent()).toContain('saved');
    await page.reload();
    await expect
      .poll(() => notifications.getByLabel('Webhook URL').inputValue())
      .toBe('http://127.0.0.1:9/scanner-hook');
    // The notifier refuses a webhook to a private address: the test shows up as a failure, with why.
    await notifications.getByRole('button', { name: 'Send test notification' }).click();
    await expect
      .poll(() => notifications.getByRole('status').textContent())
      .toContain('Test queued for webhook');
    const failures = page.locator('section', {
      has: page.getByRole('heading', { name: 'Recent delivery failures' }),
    });
    await failures.getByText('test notification').waitFor({ timeout: 60_000 });
  });

  it('lists the exposures the scan found, opens one, and no page has a serious or critical axe violation', async () => {
    const pages: [string, () => Promise<void>][] = [
      [
        'jobs',
        async () => {
          await page.goto(`${server.url}/#/`);
          await page.getByRole('link', { name: 'shipped samples' }).waitFor();
        },
      ],
      [
        'job',
        async () => {
          await page.goto(jobUrl);
          await page.getByRole('list', { name: 'Exposures of this job' }).waitFor({ timeout: 60_000 });
        },
      ],
      [
        'findings inbox',
        async () => {
          await page.getByRole('list', { name: 'By severity' }).getByRole('link').first().click();
          await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor();
          await page.locator('.inbox-table tbody tr').first().waitFor();
        },
      ],
      [
        'finding',
        async () => {
          await page.locator('.inbox-table tbody tr a').first().click();
          await page.getByRole('heading', { name: 'What to do' }).waitFor();
          await page.getByRole('heading', { name: 'Occurrences across objects and jobs' }).waitFor();
        },
      ],
      [
        'schedules and notifications',
        async () => {
          await page.goto(`${server.url}/#/schedules`);
          await page.getByRole('heading', { name: 'Recent delivery failures' }).waitFor();
        },
      ],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, open] of pages) {
      await open();
      expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
      const h1 = ((await page.locator('h1').textContent()) ?? '').trim();
      expect(await page.title(), `${name}: the title names the h1`).toContain(h1.split(' ')[0]);
      found[name] = await seriousAccessibilityViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(pages.map(([name]) => [name, []])));
    // The check itself can fail: an image without a text alternative is a critical violation.
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('img')));
    expect((await seriousAccessibilityViolations(page)).join('\n')).toMatch(/^image-alt \(critical\)/m);
    await page.reload();
  });

  it('renders the jobs list and the job page at 1280 px and 390 px (screenshots)', async () => {
    const SHOTS_DIR = shotsDir();
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.goto(jobUrl);
    await page.getByRole('list', { name: 'By severity' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-job.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-job-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/#/`);
    await page.getByLabel('Source').fill(`file://${samplesDir}/hr`);
    await page.getByLabel('Name (optional)').fill('hr folder');
    await page.getByRole('button', { name: 'Start scan' }).click();
    await page.getByRole('heading', { name: 'hr folder' }).waitFor();
    await page.goto(`${server.url}/#/`);
    await page.getByRole('link', { name: 'hr folder' }).waitFor();
    await page.getByRole('link', { name: 'shipped samples' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'dashboard-jobs.png'), fullPage: true });
    if (SHOTS_DIR.startsWith(tmpdir())) rmSync(SHOTS_DIR, { recursive: true, force: true });
  });
});
