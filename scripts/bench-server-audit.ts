import { CSRF_HEADER, CSRF_VALUE } from '../src/api/endpoints';
import { createServerApp } from '../src/server/app';
import { createGroupCommit } from '../src/server/db/group-commit';
import { emptyMediaStore } from '../src/server/media/media-store';
import { migrateToLatest } from '../src/server/db/migrate';
import { openDatabase, type OpenDatabase } from '../src/server/db/open-database';
import { postgresForTests } from '../src/server/db/postgres-for-tests';
import { seedDemoData } from '../src/server/demo/seed';
import { demoUsers } from '../src/server/directory/directory';

/**
 * The audit page at scale, on the server: seeds `--items` items and `--audit-events` audit events
 * (default 1,000 and 1,000,000) into an in-memory PGlite, or into the PostgreSQL lane's database
 * with `--postgresql` (VERITY_TEST_POSTGRES_URL), then times the audit pages the console asks for
 * (server time: the app's own handling of each request, in process) and prints p50 and p95.
 *
 *   npx tsx scripts/bench-server-audit.ts [--items N] [--audit-events N] [--postgresql]
 */

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const items = argument('--items', 1000);
const auditEvents = argument('--audit-events', 1_000_000);
const engine = process.argv.includes('--postgresql') ? 'PostgreSQL' : 'PGlite';
const now = new Date('2026-03-02T12:00:00.000Z');

async function open(): Promise<OpenDatabase> {
  if (engine === 'PGlite') return openDatabase({ dataDir: null });
  const postgres = postgresForTests();
  if (postgres.skipReason !== null) throw new Error(postgres.skipReason);
  return postgres.open();
}

const database = await open();
await migrateToLatest(database.db);
let started = performance.now();
await seedDemoData(database.db, { seed: 1, items, auditEvents, leaseSeconds: 300, now });
console.log(
  `${engine}: seeded ${items} items, ${auditEvents} audit events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

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
const call = (path: string, init: RequestInit = {}) =>
  Promise.resolve(app.fetch(new Request(`http://127.0.0.1:4000${path}`, init)));
const signedIn = await call('/api/session', {
  method: 'POST',
  headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
  body: JSON.stringify({ userId: 'usr_alex' }),
});
const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

const { subject_id: subject } = await database.db
  .selectFrom('audit_events')
  .select('subject_id')
  .where('seq', '=', Math.floor(auditEvents / 2))
  .executeTakeFirstOrThrow();
const last = Math.max(0, auditEvents - 100);
const pages: [string, () => string][] = [
  ['first page', () => '/api/audit?limit=100'],
  [
    'any page (random offset)',
    () => `/api/audit?offset=${Math.floor(Math.random() * last)}&limit=100`,
  ],
  ['last page', () => `/api/audit?offset=${last}&limit=100`],
  ['one subject', () => `/api/audit?subjectId=${subject}&limit=100`],
  ['one actor, from a day ago', () => `/api/audit?actorId=usr_cho&from=2026-03-01T12:00:00.000Z`],
  ['decisions only', () => '/api/audit?action=item.decided&limit=100'],
  ['all views, a deep page', () => '/api/audit?action=item.viewed&offset=500000&limit=100'],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

for (const [name, path] of pages) {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    started = performance.now();
    const response = await call(path(), { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${name}: ${response.status}`);
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${engine} audit page, ${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
  );
}
await database.close();
