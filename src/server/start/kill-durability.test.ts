import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { AuditPage, type AuditEvent } from '../../api/schemas/audit';
import { DecisionResult, ItemDetail, NextItem } from '../../api/schemas/decision';
import { ReportList } from '../../api/schemas/report-workflow';
import { SessionState } from '../../api/schemas/session';
import { createChainVerifier, extendsHead } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { postgresForTests } from '../db/postgres-for-tests';
import {
  signInTo,
  startServerProcess,
  type ProcessClient,
  type ServerProcess,
} from '../testing/server-process';

/**
 * `kill -9` right after a decision was answered 200: a restarted server on the same data has the
 * decision, the reports it changed, the audit chain and its head, and the sessions. On the
 * embedded default (PGlite in a data directory) always, and on PostgreSQL in its lane.
 */
const postgres = postgresForTests();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

const json = async (response: Response) => ({
  status: response.status,
  body: JSON.parse(await response.text()) as unknown,
});

/** The whole chain as the auditor reads it, page by page, checked as it comes. */
async function verifiedChain(auditor: ProcessClient, origin: string) {
  const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
  const events: AuditEvent[] = [];
  for (;;) {
    const response = await auditor.get(origin, `/api/audit?offset=${events.length}&limit=1000`);
    const page = AuditPage.parse((await json(response)).body);
    expect(verifier.push(page.events)).toBeNull();
    events.push(...page.events);
    if (page.events.length === 0 || events.length >= page.total) return { events, head: page.head };
  }
}

/** Starts the server, decides an item, kills it with SIGKILL at once, and starts it again. */
async function decideThenKill(start: () => Promise<ServerProcess>) {
  const servers: ServerProcess[] = [await start()];
  cleanups.push(() => Promise.all(servers.map((s) => s.stop('SIGKILL'))).then(() => undefined));
  const first = servers[0]?.origin ?? '';
  const sasha = await signInTo(first, 'usr_sasha');
  const alex = await signInTo(first, 'usr_alex');
  const before = AuditPage.parse((await json(await alex.get(first, '/api/audit?limit=1'))).body);
  const reportsBefore = ReportList.parse(
    (await json(await alex.get(first, '/api/reports?limit=500'))).body,
  );
  // A supervisor's final confirmation: the item joins a report draft in the same transaction.
  const next = NextItem.parse(
    (await json(await sasha.send(first, 'POST', '/api/queues/q-escalations/next'))).body,
  );
  const item = next.item;
  if (!item) throw new Error('no escalated item to decide');
  const request = {
    verdict: { kind: 'confirm', classification: 'A1', annotations: [] },
    note: 'Seen at full size: confirmed.',
    itemVersion: item.version,
    idempotencyKey: `kill-${item.id}`,
    madeBy: 'usr_sasha',
  };
  const decided = await json(
    await sasha.send(first, 'POST', `/api/items/${item.id}/decisions`, request),
  );
  expect(decided.status).toBe(200);
  await servers[0]?.stop('SIGKILL');

  const restarted = await start();
  servers.push(restarted);
  return {
    servers,
    origin: restarted.origin,
    sasha,
    alex,
    item,
    request,
    decided,
    before,
    reportsBefore,
  };
}

function durabilityTests(start: () => Promise<ServerProcess>) {
  test('killed right after a decision’s 200: after restart the decision, its report, the audit chain and its head and the sessions are all there', async () => {
    const run = await decideThenKill(start);
    const { origin, sasha, alex, item, request } = run;
    const { decision } = DecisionResult.parse(run.decided.body);

    // The sessions: the cookies from before the kill still sign their users in.
    const session = SessionState.parse((await json(await sasha.get(origin, '/api/session'))).body);
    expect(session.user?.id).toBe('usr_sasha');

    const detail = ItemDetail.parse(
      (await json(await alex.get(origin, `/api/items/${item.id}`))).body,
    );
    expect(detail.item.status).toBe('confirmed');
    expect(detail.decisions.map((d) => d.id)).toContain(decision.id);

    // The reports: every one from before, and the draft the confirmed item joined.
    const reports = ReportList.parse(
      (await json(await alex.get(origin, '/api/reports?limit=500'))).body,
    );
    const ids = new Set(reports.reports.map((r) => r.id));
    for (const report of run.reportsBefore.reports) expect(ids, report.id).toContain(report.id);
    const holding = ReportList.parse(
      (await json(await alex.get(origin, `/api/reports?itemId=${item.id}`))).body,
    );
    expect(holding.reports).toHaveLength(1);

    // The chain verifies from its first event, extends the head recorded before the decision,
    // holds the decision, and ends at the head the server answers.
    const { events, head } = await verifiedChain(alex, origin);
    expect(extendsHead(run.before.head, events[run.before.head.seq - 1])).toBe(true);
    const recorded = events.filter((e) => e.seq > run.before.head.seq);
    expect(
      recorded.filter((e) => e.action === 'item.decided' && e.detail.decisionId === decision.id),
    ).toHaveLength(1);
    expect(recorded.some((e) => e.subject.id === holding.reports[0]?.id)).toBe(true);
    expect(events.at(-1)).toMatchObject({ seq: head.seq, hash: head.hash });

    // Sent again, the decision is the one recorded before the kill.
    const again = await json(
      await sasha.send(origin, 'POST', `/api/items/${item.id}/decisions`, request),
    );
    expect(again.status).toBe(200);
    expect(DecisionResult.parse(again.body).decision).toEqual(decision);
    expect(run.servers.map((s) => s.stderr())).toEqual(['', '']);
  }, 300_000);
}

describe('the embedded database (PGlite in a data directory)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-kill-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  durabilityTests(() => startServerProcess({ dataDir, args: ['--items', '100'] }));
});

describe.skipIf(postgres.skipReason !== null)('PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-kill-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  let url: Promise<string> | undefined;
  durabilityTests(async () => {
    url ??= postgres.open().then((database) => {
      cleanups.push(() => database.close());
      return database.url;
    });
    return startServerProcess({ dataDir, databaseUrl: await url, args: ['--items', '100'] });
  });
});
