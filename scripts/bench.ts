/**
 * `npm run bench`: the console's performance budgets, as one table. Not part of
 * `npm test` (timings on a shared 2-core machine mean little there). Builds the console first.
 */
import { createBackend } from '../src/mocks/backend/backend';
import { generateData } from '../src/server/demo/generator';
import { browserBench } from './bench-browser';

const rows: [string, string, string][] = [];
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// 1. The mock generates 100,000 items (budget ≤ 2 s), and the backend built around them.
const generation: number[] = [];
const provenance: number[] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const { items } = generateData({
    seed: run + 1,
    items: 100_000,
    now: new Date(),
    leaseSeconds: 300,
  });
  generation.push(performance.now() - started);
  // Provenance is generated on first read: what the first supplier filter pays (the confirmed
  // items' is read at start, as their report drafts are gathered).
  const reading = performance.now();
  let suppliers = 0;
  for (const item of items) suppliers += item.provenance.supplier.id.length > 0 ? 1 : 0;
  provenance.push(performance.now() - reading);
  if (suppliers !== items.length) throw new Error('an item without a supplier');
}
rows.push([
  'mock generates 100,000 items (median of 3)',
  `${median(generation).toFixed(0)} ms`,
  '≤ 2000 ms',
]);
rows.push([
  '  then reading every item’s provenance once (median of 3)',
  `${median(provenance).toFixed(0)} ms`,
  '—',
]);
const backendStarted = performance.now();
const backend = createBackend({ items: 100_000 });
rows.push([
  'mock backend ready with 100,000 items (data, report drafts, audit chain)',
  `${(performance.now() - backendStarted).toFixed(0)} ms (${backend.state.audit.size} audit events)`,
  '—',
]);

// 2. In Chromium against the demo server: JS per route, key latencies, scrolling at 100,000 items.
rows.push(...(await browserBench()));

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(34)}  budget`);
for (const [measure, result, budget] of rows)
  console.log(`${measure.padEnd(width)}  ${result.padEnd(34)}  ${budget}`);
