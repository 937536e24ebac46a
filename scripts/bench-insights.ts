import type { Browser } from '@playwright/test';
import { signIn, type DemoServer, type Row } from './bench-demo-server';

/**
 * Insights at scale: 100,000 items and 1,000,000 audit events. A supervisor opens /insights; the
 * time until the rule table shows, the first time and again (the server keeps no copy between
 * reads: each computes everything from the database).
 */
export async function insightsBench(
  browser: Browser,
  { origin, configure }: DemoServer,
): Promise<Row[]> {
  await configure({ reset: true, items: 100_000, auditEvents: 1_000_000 });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, origin, /Sasha Reyes/);
  const open = async () => {
    const started = Date.now();
    await page.goto(`${origin}/insights`);
    await page
      .getByRole('table', { name: 'Rule precision, most false positives first' })
      .waitFor({ timeout: 120_000 });
    return Date.now() - started;
  };
  const first = await open();
  const again = await open();
  await page.close();
  return [
    [
      '/insights at 100,000 items and 1,000,000 audit events: page to table, first / again',
      `${(first / 1000).toFixed(2)} s / ${(again / 1000).toFixed(2)} s`,
      '—',
    ],
  ];
}
