/**
 * The browser half of `npm run bench`: drives Chromium against the demo server and measures what
 * DESIGN.md §9 budgets. Returns rows for the bench table.
 */
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createMockApp, listen } from '../src/mocks/server';
import { findChromium } from './find-chromium';

type Row = [string, string, string];
const dist = join(import.meta.dirname, '..', 'dist');

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

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

/** What the key should change: the selected item in the URL, or the item heading shown. */
type Change = { kind: 'selection' | 'heading'; from: string | null };

/** Time from a key press to the next frame after the change shows, measured in the page. */
async function timeKey(page: Page, key: string, change: Change): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number };
    window.addEventListener('keydown', () => (w.__t0 = performance.now()), {
      once: true,
      capture: true,
    });
  });
  await page.keyboard.press(key);
  // Plain JavaScript for the page (tsx would wrap named functions in helpers the page lacks).
  return page.evaluate(`new Promise((resolve) => {
    const change = ${JSON.stringify(change)};
    const changed = () => change.kind === 'selection'
      ? new URLSearchParams(location.search).get('item') !== change.from
      : !(document.querySelector('h1')?.textContent ?? '').includes(change.from ?? '\\u0000');
    const check = () => changed()
      ? requestAnimationFrame(() => resolve(performance.now() - window.__t0))
      : requestAnimationFrame(check);
    check();
  })`);
}

export async function browserBench(): Promise<Row[]> {
  const { app, backend } = createMockApp();
  const server = await listen(app, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = (await findChromium()) ?? undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /Ana Ortiz/ }).click();
    await page.getByRole('table', { name: /queues/i }).waitFor();
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

    // j/k: key to the next frame with the selection moved.
    await page.goto(`${origin}/queues/q-clf-high`);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    const moves: number[] = [];
    for (let i = 0; i < 40; i++) {
      const before = new URL(page.url()).searchParams.get('item');
      moves.push(await timeKey(page, i % 4 === 3 ? 'k' : 'j', { kind: 'selection', from: before }));
    }
    rows.push([
      'j/k selection move (median / p95 of 40)',
      `${ms(quantile(moves, 0.5))} / ${ms(quantile(moves, 0.95))}`,
      'p95 ≤ 16 ms',
    ]);

    // Decision key to the next item painted (its panel and its claim), over 50 decisions.
    backend.configure({ items: 2000 });
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /Ana Ortiz/ }).click();
    await page.getByRole('table', { name: /queues/i }).waitFor();
    await page.goto(`${origin}/queues/q-clf-low?status=pending`);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('j');
    const decisions: number[] = [];
    for (let i = 0; i < 50; i++) {
      await page.getByText(/^Held by you until/).waitFor();
      const current = new URL(page.url()).searchParams.get('item');
      await page.keyboard.press('d');
      decisions.push(await timeKey(page, '1', { kind: 'heading', from: current }));
    }
    rows.push([
      'decision key → next item painted (median / p95 of 50)',
      `${ms(quantile(decisions, 0.5))} / ${ms(quantile(decisions, 0.95))}`,
      'p95 ≤ 50 ms',
    ]);

    // Scrolling /items end to end at 100,000 items.
    backend.configure({ items: 100_000 });
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /Ana Ortiz/ }).click();
    await page.getByRole('table', { name: /queues/i }).waitFor();
    await page.goto(`${origin}/items`);
    await page.getByText('100,000 items').waitFor({ timeout: 60_000 });
    const scroll = await page.evaluate(async () => {
      const long: number[] = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => long.push(e.duration)),
      ).observe({
        type: 'longtask',
        buffered: false,
      });
      const list = document.querySelector('[role="listbox"]');
      if (!list) throw new Error('no list');
      let maxRows = 0;
      for (let step = 1; step <= 100; step++) {
        list.scrollTop = (list.scrollHeight * step) / 100;
        await new Promise((r) => setTimeout(r, 60));
        maxRows = Math.max(maxRows, list.querySelectorAll('[role="option"]').length);
      }
      await new Promise((r) => setTimeout(r, 500));
      return { maxRows, longTasks: long.length, longest: Math.max(0, ...long) };
    });
    const pageRequests = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/items?'))
          .length,
    );
    rows.push([
      '/items at 100,000: most rows in the DOM while scrolling end to end',
      String(scroll.maxRows),
      'tens',
    ]);
    rows.push([
      '  long tasks (> 50 ms) while scrolling; longest',
      `${scroll.longTasks}; ${ms(scroll.longest)}`,
      'none',
    ]);
    rows.push([
      '  pages of rows fetched for 100 scroll steps',
      String(pageRequests),
      'only those in view',
    ]);
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
