/**
 * The main thread's own time for each key press, read from a Chromium trace: the task that
 * handled the keydown (the handlers and the render they commit) and the frame after it that
 * painted the result (style, layout, paint). What the page could time itself also holds the idle
 * wait for that frame and whatever Chromium runs before a timer after an input (often a second
 * frame, a slice of a deferred render), which is not the key's work.
 */
import type { Browser, Page } from '@playwright/test';
import { z } from '../src/lib/zod';

const TraceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  ts: z.number(),
  dur: z.optional(z.number()),
  pid: z.number(),
  tid: z.number(),
  args: z.optional(z.object({ data: z.optional(z.object({ type: z.optional(z.string()) })) })),
});
type TraceEvent = z.infer<typeof TraceEvent>;
const Trace = z.object({ traceEvents: z.array(z.unknown()) });

const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
const end = (event: TraceEvent) => event.ts + (event.dur ?? 0);

/** Per keydown in the trace: its task and the first painting frame after it, in ms. */
export function keyWork(trace: Buffer): number[] {
  const events = Trace.parse(JSON.parse(trace.toString('utf8'))).traceEvents.flatMap((raw) => {
    const parsed = TraceEvent.safeParse(raw);
    return parsed.success && parsed.data.ph === 'X' ? [parsed.data] : [];
  });
  const keydowns = events.filter(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
  );
  const [first] = keydowns;
  if (!first) return [];
  const onMain = events.filter((e) => e.pid === first.pid && e.tid === first.tid);
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const painting = onMain.filter((e) => e.name === 'Paint' || e.name === 'Commit');
  return keydowns.map((keydown) => {
    const task = tasks.find((t) => t.ts <= keydown.ts && end(t) >= end(keydown)) ?? keydown;
    const frame = tasks.find(
      (t) => t.ts >= end(task) && painting.some((p) => p.ts >= t.ts && end(p) <= end(t)),
    );
    return ((task.dur ?? 0) + (frame?.dur ?? 0)) / 1000;
  });
}

/** Runs `keys` on `page` while Chromium traces it; the main thread's time for each keydown. */
export async function tracedKeyWork(
  browser: Browser,
  page: Page,
  keys: () => Promise<void>,
): Promise<number[]> {
  await browser.startTracing(page, { categories });
  await keys();
  return keyWork(await browser.stopTracing());
}
