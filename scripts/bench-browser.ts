/**
 * The browser half of `npm run bench`: drives Chromium against the server in demo mode (its data
 * in a temporary directory of its own) and measures what the console's performance budgets cover.
 * Returns rows for the bench table.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CSRF_HEADER, CSRF_VALUE } from '../src/api/headers';
import { startTestServer } from '../src/server/start/test-start';
import { findChromium } from './find-chromium';
import { insightsBench } from './bench-insights';

type Row = [string, string, string];

/** The demo server under test: its origin, its knobs (`/__mock/config`), its database. */
export interface DemoServer {
  origin: string;
  configure: (knobs: Record<string, unknown>) => Promise<void>;
  /** How many decisions `userId` made on each of the items, in the server's own record. */
  decisionsBy: (userId: string, itemIds: readonly string[]) => Promise<number[]>;
}

async function startDemoServer(): Promise<DemoServer & { close: () => Promise<void> }> {
  const server = await startTestServer({ apiOnly: false });
  const { db } = server.running.database;
  return {
    origin: server.origin,
    configure: async (knobs) => {
      const response = await fetch(`${server.origin}/__mock/config`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
        body: JSON.stringify(knobs),
      });
      if (!response.ok) throw new Error(`/__mock/config: ${await response.text()}`);
    },
    decisionsBy: async (userId, itemIds) => {
      if (itemIds.length === 0) return [];
      const rows = await db
        .selectFrom('decisions')
        .select('item_id')
        .where('actor_id', '=', userId)
        .where('item_id', 'in', itemIds)
        .execute();
      return itemIds.map((id) => rows.filter((r) => r.item_id === id).length);
    },
    close: async () => {
      await server.close();
      server.remove();
    },
  };
}

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

/** The item heading shown now: the key should replace it. */
const itemHeading = (page: Page) =>
  page.evaluate(() => document.getElementById('item-heading')?.textContent ?? null);

/**
 * One key press, timed in the page from the keydown's timestamp: `work` until the main thread is
 * free again (the handlers and the render they cause), `rowFrames` the frames drawn until the
 * selection shows on another row (1: the very next frame), `row` and `item` the time to the end of
 * the first frame that shows the selection moved and the next item (its heading, and its row
 * selected). A task queued from a frame's animation callback runs after that frame's style,
 * layout and paint, so the driver's own round trips are not counted.
 */
interface KeyTiming {
  work: number;
  rowFrames: number;
  row: number;
  item: number;
}

async function timeKey(page: Page, key: string, from: string | null): Promise<KeyTiming> {
  // Plain JavaScript for the page (tsx would wrap named functions in helpers the page lacks);
  // it stores the promise rather than returning it, which would wait for the key.
  await page.evaluate(`window.__keyTiming = new Promise((resolve) => {
    const from = ${JSON.stringify(from)};
    const selectedRow = () =>
      document.querySelector('[role=option][aria-selected=true]')?.textContent ?? '';
    const rowMoved = () => from === null || !selectedRow().includes(from);
    const itemShown = () => {
      const heading = document.getElementById('item-heading')?.textContent ?? null;
      return heading !== null && heading !== from && selectedRow().includes(heading);
    };
    window.addEventListener('keydown', (event) => {
      const timing = { rowFrames: 0 };
      const since = () => performance.now() - event.timeStamp;
      setTimeout(() => (timing.work = since()));
      const check = () => {
        if (timing.row === undefined) timing.rowFrames += 1;
        if (timing.row === undefined && rowMoved()) timing.row = null;
        if (timing.item === undefined && itemShown()) timing.item = null;
        setTimeout(() => {
          if (timing.row === null) timing.row = since();
          if (timing.item === null) timing.item = since();
          if (timing.item !== undefined && timing.row !== undefined) resolve(timing);
        });
        if (timing.item === undefined || timing.row === undefined) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, { once: true, capture: true });
  }); undefined`);
  await page.keyboard.press(key);
  return page.evaluate<KeyTiming>('window.__keyTiming');
}

const medianAndP95 = (values: number[]) =>
  `${ms(quantile(values, 0.5))} / ${ms(quantile(values, 0.95))}`;

/**
 * The durable outbox: `count` decisions made while the server refuses every decision (500), the
 * tab closed, the server healed, the console opened again; then the server's own record says how
 * many arrived once, how many never did, and how many were recorded twice.
 */
async function outboxAfterFailureSpell(
  browser: Browser,
  { origin, configure, decisionsBy }: DemoServer,
  count: number,
): Promise<Row> {
  await configure({ reset: true, items: 2000, faults: ['500:/api/items/*/decisions'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let tab = await context.newPage();
  await tab.goto(`${origin}/sign-in`);
  await tab.getByRole('button', { name: /Ana Ortiz/ }).click();
  await tab.getByRole('table', { name: /queues/i }).waitFor();
  await tab.goto(`${origin}/queues/q-clf-low?status=pending`);
  await tab.getByRole('listbox').getByRole('option').first().waitFor();
  await tab.keyboard.press('j');
  const decided: string[] = [];
  for (let i = 0; i < count; i++) {
    await tab.getByText(/^Held by you until/).waitFor();
    decided.push((await itemHeading(tab)) ?? '');
    await tab.keyboard.press('d');
    await tab.keyboard.press('1');
    await tab.getByText(`${i + 1} decision${i === 0 ? '' : 's'} waiting to send`).waitFor();
    await tab
      .getByRole('heading', { level: 1, name: decided.at(-1) ?? '', exact: true })
      .waitFor({ state: 'hidden' });
  }
  await tab.close();
  await configure({ faults: [] });
  const started = performance.now();
  tab = await context.newPage();
  await tab.goto(`${origin}/`);
  await tab.getByRole('table', { name: /queues/i }).waitFor();
  await tab.getByText(/waiting to send/).waitFor({ state: 'detached', timeout: 120_000 });
  const drained = performance.now() - started;
  await context.close();

  const recorded = await decisionsBy('usr_ana', decided);
  const sent = recorded.filter((n) => n >= 1).length;
  const duplicated = recorded.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return [
    `outbox: ${count} decisions while decisions fail, tab closed, reopened: sent / lost / duplicated`,
    `${sent} / ${count - sent} / ${duplicated} (sent in ${(drained / 1000).toFixed(1)} s)`,
    `${count} / 0 / 0`,
  ];
}

/** Scrolls a scroll container end to end in 100 steps: most rows in its DOM, long tasks. */
const scrollEndToEnd = (selector: string, rowSelector: string) => `(async () => {
  const long = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)))
    .observe({ type: 'longtask', buffered: false });
  const box = document.querySelector(${JSON.stringify(selector)});
  let maxRows = 0;
  for (let step = 1; step <= 100; step++) {
    box.scrollTop = (box.scrollHeight * step) / 100;
    await new Promise((r) => setTimeout(r, 60));
    maxRows = Math.max(maxRows, box.querySelectorAll(${JSON.stringify(rowSelector)}).length);
  }
  await new Promise((r) => setTimeout(r, 500));
  return { maxRows, longTasks: long.length, longest: Math.max(0, ...long) };
})()`;

/**
 * The audit log: verification of 100,000 events in the page's worker (hashing, and end to end
 * with the reads), long tasks on the page meanwhile; then scrolling the log at 1,000,000 events.
 */
async function auditBench(browser: Browser, { origin, configure }: DemoServer): Promise<Row[]> {
  const rows: Row[] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const signIn = async () => {
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /Alex Kim/ }).click();
    await page.getByRole('table', { name: /queues/i }).waitFor();
  };
  await configure({ reset: true, auditEvents: 100_000 });
  await signIn();
  await page.goto(`${origin}/audit`);
  await page.getByText(/^100,0\d\d events$/).waitFor({ timeout: 60_000 });
  await page.evaluate(
    `window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' }); undefined`,
  );
  await page.getByRole('button', { name: /^Verify events 1–/ }).click();
  const verified = page.getByText(/^Verified [\d,]+ events: the chain holds/);
  await verified.waitFor({ timeout: 60_000 });
  const text = (await verified.textContent()) ?? '';
  const [, total, hashing] = /\(([\d.]+) s, hashing ([\d.]+) s\)/.exec(text) ?? [];
  const long = await page.evaluate<number[]>('window.__long');
  rows.push([
    'audit: verify 100,000 events in a worker: hashing / end to end; long tasks meanwhile',
    `${hashing ?? '?'} s / ${total ?? '?'} s; ${long.length}`,
    '≤ 1 s / ≤ 3 s; none',
  ]);

  await configure({ auditEvents: 1_000_000 });
  await signIn();
  await page.goto(`${origin}/audit`);
  await page.getByText(/^1,000,0\d\d events$/).waitFor({ timeout: 120_000 });
  const scroll = await page.evaluate<{ maxRows: number; longTasks: number; longest: number }>(
    scrollEndToEnd('[role=table] [role=rowgroup]:nth-of-type(2)', '[role=row]'),
  );
  rows.push(
    [
      '/audit at 1,000,000 events: most rows in the DOM while scrolling',
      String(scroll.maxRows),
      'tens',
    ],
    [
      '  long tasks (> 50 ms) while scrolling; longest',
      `${scroll.longTasks}; ${ms(scroll.longest)}`,
      'none',
    ],
  );
  await context.close();
  return rows;
}

export async function browserBench(): Promise<Row[]> {
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

    // j/k: key to the next item painted (row selected, heading shown).
    await page.goto(`${origin}/queues/q-clf-high`);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('j');
    await page.locator('#item-heading').waitFor();
    const moves: KeyTiming[] = [];
    for (let i = 0; i < 40; i++) {
      moves.push(await timeKey(page, i % 4 === 3 ? 'k' : 'j', await itemHeading(page)));
    }
    rows.push(
      [
        'j/k selection move: frames until painted (max of 40); main-thread work (median / p95)',
        `${Math.max(...moves.map((m) => m.rowFrames))}; ${medianAndP95(moves.map((m) => m.work))}`,
        '1 frame (p95 ≤ 16 ms)',
      ],
      [
        '  key → selection painted, with the wait for the frame (median / p95)',
        medianAndP95(moves.map((m) => m.row)),
        '—',
      ],
      ['  key → next item painted (median / p95)', medianAndP95(moves.map((m) => m.item)), '—'],
    );

    // Decision key to the next item painted (its panel and its claim), over 50 decisions.
    await configure({ items: 2000 });
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('button', { name: /Ana Ortiz/ }).click();
    await page.getByRole('table', { name: /queues/i }).waitFor();
    await page.goto(`${origin}/queues/q-clf-low?status=pending`);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('j');
    const decisions: KeyTiming[] = [];
    for (let i = 0; i < 50; i++) {
      await page.getByText(/^Held by you until/).waitFor();
      const current = await itemHeading(page);
      await page.keyboard.press('d');
      decisions.push(await timeKey(page, '1', current));
    }
    rows.push([
      'decision key → next item painted (median / p95 of 50)',
      medianAndP95(decisions.map((d) => d.item)),
      'p95 ≤ 50 ms',
    ]);

    rows.push(await outboxAfterFailureSpell(browser, server, 40));

    // Scrolling /items end to end at 100,000 items.
    await configure({ items: 100_000 });
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
    rows.push(...(await auditBench(browser, server)));
    rows.push(...(await insightsBench(browser, server)));
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
