import type { Browser } from '@playwright/test';
import { type DemoServer, type Row, signIn } from './bench-demo-server';
import { itemHeading } from './bench-keys';

/**
 * The durable outbox: `count` decisions made while the server refuses every decision (500), the
 * tab closed, the server healed, the console opened again; then the server's own record says how
 * many arrived once, how many never did, and how many were recorded twice.
 */
export async function outboxAfterFailureSpell(
  browser: Browser,
  { origin, configure, decisionsBy }: DemoServer,
  count: number,
): Promise<Row> {
  await configure({ reset: true, items: 2000, faults: ['500:/api/items/*/decisions'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let tab = await context.newPage();
  await signIn(tab, origin, /Ana Ortiz/);
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
