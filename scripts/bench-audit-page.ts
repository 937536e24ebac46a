import type { Browser } from '@playwright/test';
import { ms, scrollEndToEnd, signIn, type DemoServer, type Row } from './bench-demo-server';

/**
 * The audit log: verification of 100,000 events in the page's worker (hashing, and end to end
 * with the reads), long tasks on the page meanwhile; then scrolling the log at 1,000,000 events.
 */
export async function auditBench(
  browser: Browser,
  { origin, configure }: DemoServer,
): Promise<Row[]> {
  const rows: Row[] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await configure({ reset: true, auditEvents: 100_000 });
  await signIn(page, origin, /Alex Kim/);
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
  await signIn(page, origin, /Alex Kim/);
  await page.goto(`${origin}/audit`);
  await page.getByText(/^1,000,0\d\d events$/).waitFor({ timeout: 120_000 });
  const scroll = await scrollEndToEnd(
    page,
    '[role=table] [role=rowgroup]:nth-of-type(2)',
    '[role=row]',
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
