import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NextItem, type DecisionRequest, type Verdict } from '../src/api/schemas/decision';
import { createServerApp } from '../src/server/app';
import { createGroupCommit } from '../src/server/db/group-commit';
import { vacuumAndAnalyze } from '../src/server/db/bulk-load';
import { migrateToLatest } from '../src/server/db/migrate';
import { openDatabase, type OpenDatabase } from '../src/server/db/open-database';
import { postgresForTests } from '../src/server/db/postgres-for-tests';
import { seedDemoData } from '../src/server/demo/seed';
import { demoUsers } from '../src/server/directory/directory';
import { emptyMediaStore } from '../src/server/media/media-store';
import type { Fetcher, ProcessClient } from '../src/server/testing/server-process';

/**
 * What the server benchmarks share: their options, the seeded database, the server's app in
 * process, timing requests and their percentiles.
 */

/** `--name N` on the command line, else `fallback`. */
export const numberArgument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};

export type BenchEngine = 'PGlite' | 'PostgreSQL';

/**
 * `--items N --audit-events N` (else these defaults), `--postgresql` for the PostgreSQL lane's
 * server rather than PGlite, and the benchmark's clock: the seed's "now", standing still.
 */
export function seedOptions(defaults: { items: number; auditEvents: number }) {
  const engine: BenchEngine = process.argv.includes('--postgresql') ? 'PostgreSQL' : 'PGlite';
  return {
    items: numberArgument('--items', defaults.items),
    auditEvents: numberArgument('--audit-events', defaults.auditEvents),
    engine,
    now: new Date('2026-03-02T12:00:00.000Z'),
  };
}

export type SeedOptions = ReturnType<typeof seedOptions>;

/**
 * PGlite in a temporary data directory, as a start has, removed when it closes. Not in memory:
 * PGlite's in-memory file system slows as its files grow (seeding 100,000 items took 238 s there
 * and 40 s on disk).
 */
export async function pgliteInTemporaryDirectory(): Promise<OpenDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-bench-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const database = await openDatabase({ dataDir });
    return {
      ...database,
      close: () => database.close().finally(remove),
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * A database seeded with the demo data (seed 1) as of `now`, migrated first, saying how long the
 * seed took: PGlite in a temporary data directory, or a throwaway database on the PostgreSQL
 * lane's server (VERITY_TEST_POSTGRES_URL); either is removed when closed.
 */
export async function seededDatabase({
  engine,
  items,
  auditEvents,
  now,
}: SeedOptions): Promise<OpenDatabase> {
  let database: OpenDatabase;
  if (engine === 'PGlite') database = await pgliteInTemporaryDirectory();
  else {
    const postgres = postgresForTests();
    if (postgres.skipReason !== null) throw new Error(postgres.skipReason);
    database = await postgres.open();
  }
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    await seedDemoData(database, { seed: 1, items, auditEvents, leaseSeconds: 300, now });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // As a start does on PGlite, and autovacuum soon after a load on PostgreSQL.
    const vacuumStarted = performance.now();
    await vacuumAndAnalyze(database.db);
    const vacuum = ((performance.now() - vacuumStarted) / 1000).toFixed(1);
    console.log(
      `${engine}: seeded ${items} items, ${auditEvents} audit events in ${seconds} s; vacuumed in ${vacuum} s`,
    );
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The origin the in-process app's requests name (no socket listens there). */
export const BENCH_ORIGIN = 'http://127.0.0.1:4000';

/**
 * The server's app on `database`, called in process (`app.fetch`, no socket): what is timed is
 * the app's own handling of a request. Its clock stands still at `now`. Sign in with
 * `signInTo(BENCH_ORIGIN, userId, fetcher)`.
 */
export function benchApp(database: OpenDatabase, now: Date): Fetcher {
  const app = createServerApp({
    database,
    transactions: createGroupCommit(database.db),
    media: emptyMediaStore,
    mediaDir: null,
    ncmec: { kind: 'unavailable', message: 'Not filing in a benchmark.' },
    now: () => now,
    sessionLimits: { idleMinutes: 30, maxHours: 12 },
    review: { leaseSeconds: 300, maxHeld: 5, reviewSecret: 'bench' },
    demoUsers,
  });
  return (url, init = {}) => Promise.resolve(app.fetch(new Request(url, init)));
}

/**
 * Times `runs` GETs of `path()` (a new path each time when it draws one) by `client` on
 * `origin`, after `warmUp` untimed ones: each request's time until its whole body was read, in ms.
 */
export async function timeGets(
  client: ProcessClient,
  path: () => string,
  { origin = BENCH_ORIGIN, runs = 50, warmUp = 10 } = {},
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmUp + runs; i++) {
    const at = path();
    const started = performance.now();
    const response = await client.get(origin, at);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${at}: ${response.status}`);
    if (i >= warmUp) times.push(performance.now() - started);
  }
  return times;
}

/** The `p`th percentile of ascending `sorted` (nearest rank). */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** p50 and p95 of `times` in ms, formatted. */
export function p50p95(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: `${percentile(sorted, 50).toFixed(1)} ms`,
    p95: `${percentile(sorted, 95).toFixed(1)} ms`,
  };
}

/**
 * "Start reviewing" in `queue` by `client` on `origin`: the item claimed and the time until the
 * answer was read, in ms. An empty queue or any answer but 200 throws.
 */
export async function claimNext(client: ProcessClient, origin: string, queue: string) {
  const started = performance.now();
  const response = await client.send(origin, 'POST', `/api/queues/${queue}/next`);
  const answer = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`next in ${queue}: ${response.status} ${answer}`);
  const { item } = NextItem.parse(JSON.parse(answer));
  if (!item) throw new Error(`${queue} is empty: seed more --items`);
  return { item, ms };
}

/** Sends `client`'s decision on `item` (as claimed) and times it, in ms; not 200 throws. */
export async function decide(
  client: ProcessClient,
  origin: string,
  item: { id: string; version: number },
  verdict: Verdict,
) {
  const started = performance.now();
  const response = await client.send(origin, 'POST', `/api/items/${item.id}/decisions`, {
    verdict,
    note: null,
    itemVersion: item.version,
    idempotencyKey: `bench-${item.id}-${item.version}`,
    madeBy: client.userId,
  } satisfies DecisionRequest);
  const answer = await response.text();
  if (response.status !== 200) throw new Error(`decision on ${item.id}: ${answer}`);
  return performance.now() - started;
}
