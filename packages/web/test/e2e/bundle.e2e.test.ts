// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, makeJob, makeObject, startApiFixture } from '../api-fixture.ts';
import { CHROMIUM, launchChromium } from './chromium.ts';
import { buildDashboard } from './server-process.ts';

/**
 * The production bundle in a real Chromium, served with the in-test API fixture on one origin:
 * proves the build loads its runtime config, routes by hash, lays out at 390 px and saves
 * downloads. The same journey against the real server is `dashboard.e2e.test.ts`.
 */
/** With DASHBOARD_PREVIEW_DIR set, saves screenshots there for a person to look at. */
async function preview(page: Page, name: string): Promise<void> {
  const dir = process.env.DASHBOARD_PREVIEW_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

describe.skipIf(!existsSync(CHROMIUM))('production bundle in Chromium (API fixture)', () => {
  let api: ApiFixture;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let outDir: string;
  const job = makeJob({ name: 'bundle check' });

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'ds-web-bundle-'));
    buildDashboard(outDir);
    api = await startApiFixture({ staticDir: outDir, exports: true });
    api.state.jobs = [job];
    api.state.findings.set(
      job.job_id,
      Array.from({ length: 14 }, (_, i) => ({
        id: `f${i}`,
        job_id: job.job_id,
        object: { key: `configs/app-${i}.env` },
        detector: i % 2 ? 'aws-access-key-id' : 'github-token',
        category: 'credentials',
        severity: i % 3 ? 'high' : 'critical',
        confidence: 0.95,
        location: { byte_start: 0, byte_end: 20, line: i + 1, column: 5 },
        redacted: 'AKIA************MPLE',
        fingerprint: `fp${i}`,
      })),
    );
    api.state.objects.set(job.job_id, [makeObject({ key: 'configs/app-0.env', bytes: 10, findings: 1 })]);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('signs in, opens a job from the list and pages its findings', async () => {
    await page.goto(`${api.url}/`);
    await page.getByLabel('API key').fill('test-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'bundle check' }).click();
    expect(page.url()).toBe(`${api.url}/#/jobs/${job.job_id}`);
    await page.getByLabel('Rows per page').selectOption('10');
    await expect.poll(() => page.locator('.findings-table tbody tr').count()).toBe(10);
    await page
      .getByRole('navigation', { name: 'Findings pages' })
      .getByRole('button', { name: 'Next page' })
      .click();
    await expect.poll(() => page.locator('.findings-table tbody tr').count()).toBe(4);
    await preview(page, 'job-1280');
  });

  it('saves a download fetched with the API key', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SARIF' }).click(),
    ]);
    const sarif = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(download.suggestedFilename()).toBe(`${job.job_id}.sarif`);
  });

  it('fits a 390 px wide screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('list', { name: 'By severity' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (process.env.DASHBOARD_PREVIEW)
      await page.screenshot({ path: process.env.DASHBOARD_PREVIEW, fullPage: true });
  });

  it('can be driven with the keyboard alone', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${api.url}/#/`);
    await page.getByRole('link', { name: 'bundle check' }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(
          () =>
            document.activeElement?.textContent?.trim() ||
            (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ||
            document.activeElement?.id ||
            '',
        ),
      );
      if (reached.at(-1) === 'bundle check') break;
    }
    expect(reached).toContain('bundle check');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'bundle check' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
