/**
 * Key latencies in the triage workspace: a `j`/`k` move of the selection, and a decision key to
 * the next item painted.
 */
import type { Browser, Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { percentile } from './bench-support';
import { ms, signIn, type DemoServer, type Row } from './bench-demo-server';
import { tracedKeyWork } from './bench-main-thread';

/** The item heading shown now: the key should replace it. */
export const itemHeading = (page: Page) =>
  page.evaluate(() => document.getElementById('item-heading')?.textContent ?? null);

/**
 * One key press, timed in the page from the keydown's timestamp: `rowFrames` the frames drawn
 * until the selection shows on another row (1: the very next frame), `row` and `item` the time to
 * the end of the first frame that shows the selection moved and the next item (its heading, and
 * its row selected). A task queued from a frame's animation callback runs after that frame's
 * style, layout and paint, so the driver's own round trips are not counted. (The main thread's
 * own time for the key is read from a trace: `tracedKeyWork`.)
 */
interface KeyTiming {
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

function medianAndP95(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))}`;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * `j`/`k` in a queue of the seeded data: key to the selection and to the next item painted, over
 * `runs` runs of 40 moves (each run opens the queue again). The machine's load average is shown,
 * as the figures depend on it.
 */
export async function selectionMoveBench(
  browser: Browser,
  page: Page,
  origin: string,
  runs = 1,
): Promise<Row[]> {
  const moves: KeyTiming[] = [];
  const work: number[] = [];
  const loadBefore = load();
  for (let run = 0; run < runs; run++) {
    await page.goto(`${origin}/queues/q-clf-high`);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('j');
    await page.locator('#item-heading').waitFor();
    const traced = await tracedKeyWork(browser, page, async () => {
      for (let i = 0; i < 40; i++) {
        moves.push(await timeKey(page, i % 4 === 3 ? 'k' : 'j', await itemHeading(page)));
      }
    });
    work.push(...traced);
  }
  return [
    [
      `j/k selection move: frames until painted (max of ${moves.length}); main-thread work: the key's task and the frame that paints it (median / p95)`,
      `${Math.max(...moves.map((m) => m.rowFrames))}; ${medianAndP95(work)}`,
      '1 frame (p95 ≤ 16 ms)',
    ],
    [
      '  key → selection painted, with the wait for the frame (median / p95)',
      medianAndP95(moves.map((m) => m.row)),
      '—',
    ],
    ['  key → next item painted (median / p95)', medianAndP95(moves.map((m) => m.item)), '—'],
    ['  load average (1, 5, 15 min) before; after', `${loadBefore}; ${load()}`, '—'],
  ];
}

/** A decision key to the next item painted (its panel and its claim), over 50 decisions. */
export async function decisionKeyBench(
  page: Page,
  { origin, configure }: DemoServer,
): Promise<Row> {
  await configure({ items: 2000 });
  await signIn(page, origin, /Ana Ortiz/);
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
  return [
    'decision key → next item painted (median / p95 of 50)',
    medianAndP95(decisions.map((d) => d.item)),
    'p95 ≤ 50 ms',
  ];
}
