/**
 * The browser half of `npm run bench`: drives Chromium against the server in demo mode (its data
 * in a temporary directory of its own) and measures what the console's performance budgets cover.
 * Returns rows for the bench table. `keysOnly`: the key latencies alone, the `j`/`k` move over
 * `runs` runs of 40 moves.
 */
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium } from './find-chromium';
import { auditBench } from './bench-audit-page';
import { ms, scrollEndToEnd, signIn, startDemoServer, type Row } from './bench-demo-server';
import { insightsBench } from './bench-insights';
import { decisionKeyBench, selectionMoveBench } from './bench-keys';
import { outboxAfterFailureSpell } from './bench-outbox';

const dist = join(import.meta.dirname, '..', 'dist');

/** gzip size of every script the page has loaded so far. */
async function scriptGzip(page: Page): Promise<number> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.endsWith('.js')),
  );
  return urls.reduce(
    (sum, url) => sum + gzipSync(readFileSync(join(dist, new URL(url).pathname))).length,
    0,
  );
}

/** /items at 100,000 items scrolled end to end: rows in the DOM, long tasks, pages fetched. */
async function itemsScrollBench(page: Page, origin: string): Promise<Row[]> {
  await signIn(page, origin, /Ana Ortiz/);
  await page.goto(`${origin}/items`);
  await page.getByText('100,000 items').waitFor({ timeout: 60_000 });
  const scroll = await scrollEndToEnd(page, '[role="listbox"]', '[role="option"]');
  const pageRequests = await page.evaluate(
    () =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/items?')).length,
  );
  return [
    [
      '/items at 100,000: most rows in the DOM while scrolling end to end',
      `${scroll.maxRows}`,
      'tens',
    ],
    [
      '  long tasks (> 50 ms) while scrolling; longest',
      `${scroll.longTasks}; ${ms(scroll.longest)}`,
      'none',
    ],
    ['  pages of rows fetched for 100 scroll steps', `${pageRequests}`, 'only those in view'],
  ];
}

export async function browserBench({ keysOnly = false, runs = 1 } = {}): Promise<Row[]> {
  const server = await startDemoServer();
  const { origin, configure } = server;
  const executablePath = (await findChromium()) ?? undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, origin, /Ana Ortiz/);
    if (!keysOnly) {
      rows.push([
        'JS for the dashboard after sign-in, gzip',
        `${((await scriptGzip(page)) / 1024).toFixed(1)} KB`,
        '≤ 150 KB',
      ]);
      await page.getByRole('link', { name: 'Classifier — high confidence' }).click();
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      rows.push([
        'JS for the triage workspace, gzip (all loaded)',
        `${((await scriptGzip(page)) / 1024).toFixed(1)} KB`,
        '≤ 200 KB',
      ]);
    }
    rows.push(...(await selectionMoveBench(browser, page, origin, runs)));
    rows.push(await decisionKeyBench(page, server));
    if (keysOnly) return rows;

    rows.push(await outboxAfterFailureSpell(browser, server, 40));
    await configure({ items: 100_000 });
    rows.push(...(await itemsScrollBench(page, origin)));
    rows.push(...(await auditBench(browser, server)));
    rows.push(...(await insightsBench(browser, server)));
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
