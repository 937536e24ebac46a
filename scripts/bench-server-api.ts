import { AuditPage } from '../src/api/schemas/audit';
import { ItemPage } from '../src/api/schemas/item';
import type { OpenDatabase } from '../src/server/db/open-database';
import { signInTo, type ProcessClient } from '../src/server/testing/server-process';
import {
  BENCH_ORIGIN,
  benchApp,
  claimNext,
  decide,
  numberArgument,
  p50p95,
  seededDatabase,
  seedOptions,
  timeGets,
} from './bench-support';

/**
 * The API a reviewer's day rests on, at scale, on the server: seeds `--items` items and
 * `--audit-events` audit events (default 100,000 and 1,000,000) into PGlite in a new temporary
 * data directory (as `npm start` keeps it under `.verity/`; deleted when done), or into the
 * PostgreSQL lane's database with `--postgresql` (VERITY_TEST_POSTGRES_URL). Then times, as the
 * console asks for them, a triage queue's list (its first page and its last), "Start reviewing"
 * (the next item claimed) and the decision on each item so claimed (two analysts taking turns, so
 * neither reaches the hold limit), and the audit log's first and last page. Server time: the
 * app's own handling of each request, in process, one at a time. Prints a markdown table.
 *
 *   npx tsx scripts/bench-server-api.ts [--items N] [--audit-events N] [--runs N] [--postgresql]
 */

const options = seedOptions({ items: 100_000, auditEvents: 1_000_000 });
const { engine, now } = options;
const runs = numberArgument('--runs', 100);
/** The first triage queue the dashboard lists, and the rows the console asks for at a time. */
const QUEUE = 'q-hash';
const ITEM_PAGE = 100;
const AUDIT_PAGE = 200;
const GOAL = '≤ 20 ms p95';
const WARM_UP = 10;

const rows: [string, { p50: string; p95: string }][] = [];
let database: OpenDatabase | null = null;
try {
  database = await seededDatabase(options);
  const app = benchApp(database, now);
  const analysts = [
    await signInTo(BENCH_ORIGIN, 'usr_ana', app),
    await signInTo(BENCH_ORIGIN, 'usr_ben', app),
  ];
  const auditor = await signInTo(BENCH_ORIGIN, 'usr_alex', app);
  const [analyst = auditor] = analysts;
  const read = async (client: ProcessClient, path: string) =>
    JSON.parse(await (await client.get(BENCH_ORIGIN, path)).text()) as unknown;

  // The queue's list as the triage screen asks for it: what waits there, most urgent first.
  const queuePage = (offset: number) =>
    `/api/items?status=pending&queueId=${QUEUE}&offset=${offset}&limit=${ITEM_PAGE}`;
  const { total } = ItemPage.parse(await read(analyst, queuePage(0)));
  const lastPage = Math.max(0, Math.floor((total - 1) / ITEM_PAGE) * ITEM_PAGE);
  rows.push([
    `queue page (${QUEUE}, ${total} waiting), first`,
    p50p95(await timeGets(analyst, () => queuePage(0), { runs })),
  ]);
  rows.push([
    `queue page (${QUEUE}), last (offset ${lastPage})`,
    p50p95(await timeGets(analyst, () => queuePage(lastPage), { runs })),
  ]);

  // "Start reviewing", then the decision on the item it claimed: dismissals and confirmations,
  // the two analysts taking turns.
  const claims: number[] = [];
  const decisions: number[] = [];
  for (let i = 0; i < WARM_UP + runs; i++) {
    const reviewer = analysts[i % analysts.length] ?? analyst;
    const claimed = await claimNext(reviewer, BENCH_ORIGIN, QUEUE);
    const decided = await decide(
      reviewer,
      BENCH_ORIGIN,
      claimed.item,
      i % 2 === 0
        ? { kind: 'dismiss', reason: 'hash_collision' }
        : { kind: 'confirm', classification: 'A1', annotations: [] },
    );
    if (i < WARM_UP) continue;
    claims.push(claimed.ms);
    decisions.push(decided);
  }
  rows.push([`"Start reviewing" (POST /api/queues/${QUEUE}/next)`, p50p95(claims)]);
  rows.push(['decision on the claimed item (confirm or dismiss)', p50p95(decisions)]);

  // The audit log as the auditor's table asks for it.
  const auditPage = (offset: number) => `/api/audit?offset=${offset}&limit=${AUDIT_PAGE}`;
  const { head } = AuditPage.parse(await read(auditor, auditPage(0)));
  const lastAudit = Math.max(0, head.seq - AUDIT_PAGE);
  rows.push([
    `audit page (${head.seq} events), first`,
    p50p95(await timeGets(auditor, () => auditPage(0), { runs })),
  ]);
  rows.push([
    `audit page, last (offset ${lastAudit})`,
    p50p95(await timeGets(auditor, () => auditPage(lastAudit), { runs })),
  ]);
} finally {
  await database?.close();
}

console.log(`\n${runs} timed requests each, after ${WARM_UP} untimed; node ${process.version}`);
console.log('| measure | engine | p50 | p95 | goal |');
console.log('| --- | --- | --- | --- | --- |');
// PGlite cannot sync its files (docs/decisions/0013): its figures are without a disk sync.
const where = engine === 'PGlite' ? 'PGlite (data directory, no fsync)' : 'PostgreSQL';
for (const [measure, { p50, p95 }] of rows)
  console.log(`| ${measure} | ${where} | ${p50} | ${p95} | ${GOAL} |`);
