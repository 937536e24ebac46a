/**
 * The demo server the browser benchmarks drive (its data in a temporary directory of its own),
 * and what they share: signing a demo user in, the rows of the bench table.
 */
import type { Page } from '@playwright/test';
import { CSRF_HEADER, CSRF_VALUE } from '../src/api/headers';
import { startTestServer } from '../src/server/start/test-start';

/** One row of the bench table: the measure, the result, the budget. */
export type Row = [string, string, string];

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The demo server under test: its origin, its knobs (`/__mock/config`), its database. */
export interface DemoServer {
  origin: string;
  configure: (knobs: Record<string, unknown>) => Promise<void>;
  /** How many decisions `userId` made on each of the items, in the server's own record. */
  decisionsBy: (userId: string, itemIds: readonly string[]) => Promise<number[]>;
}

export async function startDemoServer(): Promise<DemoServer & { close: () => Promise<void> }> {
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

/** Signs the demo user named `name` in on `page`, and waits for the queue dashboard. */
export async function signIn(page: Page, origin: string, name: RegExp) {
  await page.goto(`${origin}/sign-in`);
  await page.getByRole('button', { name }).click();
  await page.getByRole('table', { name: /queues/i }).waitFor();
}

/**
 * Scrolls a scroll container end to end in 100 steps, in the page: the most rows in its DOM at
 * once, and the long tasks (> 50 ms) meanwhile.
 */
export const scrollEndToEnd = (page: Page, selector: string, rowSelector: string) =>
  page.evaluate<{ maxRows: number; longTasks: number; longest: number }>(`(async () => {
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
})()`);
