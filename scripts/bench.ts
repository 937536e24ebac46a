/**
 * `npm run bench`: the console's performance budgets, as one table. Not part of
 * `npm test` (timings on a shared 2-core machine mean little there). Builds the console first.
 * `npm run bench -- --keys [--runs 5]`: the key latencies alone, the `j`/`k` move over that many
 * runs of 40 moves.
 */
import { auditHead } from '../src/server/audit/audit-chain';
import { migrateToLatest } from '../src/server/db/migrate';
import { generateData } from '../src/server/demo/generator';
import { seedDemoData } from '../src/server/demo/seed';
import { browserBench } from './bench-browser';
import type { Row } from './bench-demo-server';
import { numberArgument, percentile, pgliteInTemporaryDirectory } from './bench-support';

const rows: Row[] = [];
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const keysOnly = process.argv.includes('--keys');

/** 1. The demo generates 100,000 items (budget ≤ 2 s), and the server seeds its database with them. */
async function dataBench() {
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
    'demo generates 100,000 items (median of 3)',
    `${median(generation).toFixed(0)} ms`,
    '≤ 2000 ms',
  ]);
  rows.push([
    '  then reading every item’s provenance once (median of 3)',
    `${median(provenance).toFixed(0)} ms`,
    '—',
  ]);
  const database = await pgliteInTemporaryDirectory();
  let seeded: number;
  let auditEvents: number;
  try {
    await migrateToLatest(database.db);
    const seedStarted = performance.now();
    await seedDemoData(database, {
      seed: 1,
      items: 100_000,
      auditEvents: 0,
      leaseSeconds: 300,
      now: new Date(),
    });
    seeded = performance.now() - seedStarted;
    auditEvents = (await auditHead(database.db)).seq;
  } finally {
    await database.close();
  }
  rows.push([
    'server seeds 100,000 items into PGlite in a data directory (data, report drafts, audit chain)',
    `${seeded.toFixed(0)} ms (${auditEvents} audit events)`,
    '—',
  ]);
}

if (!keysOnly) await dataBench();

// 2. In Chromium against the demo server: JS per route, key latencies, scrolling at 100,000 items.
rows.push(...(await browserBench({ keysOnly, runs: numberArgument('--runs', 1) })));

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(34)}  budget`);
for (const [measure, result, budget] of rows)
  console.log(`${measure.padEnd(width)}  ${result.padEnd(34)}  ${budget}`);
