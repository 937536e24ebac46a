import { signInTo } from '../src/server/testing/server-process';
import {
  BENCH_ORIGIN,
  benchApp,
  p50p95,
  seededDatabase,
  seedOptions,
  timeGets,
} from './bench-support';

/**
 * The audit page at scale, on the server: seeds `--items` items and `--audit-events` audit events
 * (default 1,000 and 1,000,000) into PGlite in a temporary data directory, or into the
 * PostgreSQL lane's database with `--postgresql` (VERITY_TEST_POSTGRES_URL), then times the audit
 * pages the console asks for (server time: the app's own handling of each request, in process)
 * and prints p50 and p95.
 *
 *   npx tsx scripts/bench-server-audit.ts [--items N] [--audit-events N] [--postgresql]
 */

const options = seedOptions({ items: 1000, auditEvents: 1_000_000 });
const { auditEvents, engine, now } = options;
const database = await seededDatabase(options);
const auditor = await signInTo(BENCH_ORIGIN, 'usr_alex', benchApp(database, now));

const { subject_id: subject } = await database.db
  .selectFrom('audit_events')
  .select('subject_id')
  // The middle of the padded log; its first event when none was asked for (a seed-only run).
  .where('seq', '=', Math.max(1, Math.floor(auditEvents / 2)))
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

for (const [name, path] of pages) {
  const { p50, p95 } = p50p95(await timeGets(auditor, path));
  console.log(`${engine} audit page, ${name}: p50 ${p50}, p95 ${p95}`);
}
await database.close();
