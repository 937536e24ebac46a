import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { ErrorBody } from '../../api/schemas/common';
import { DecisionResult, NextItem } from '../../api/schemas/decision';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { auditHead, auditRange } from '../audit/audit-chain';
import type { OpenDatabase } from '../db/open-database';
import { postgresForTests } from '../db/postgres-for-tests';
import {
  signInTo,
  startServerProcess,
  type ProcessClient,
  type ServerProcess,
} from '../testing/server-process';

/**
 * Two server processes on one PostgreSQL database, as a deployment runs them, raced over HTTP:
 * "next" claims, decisions sent twice and contested, and the audit chain they write together.
 */
const postgres = postgresForTests();
const CLAIMS = 1000;
const DECISIONS = 500;
/** High enough that the hold limit never refuses: 1,000 claims over 4 reviewers is 250 each. */
const MAX_HELD = 300;
/** Enough items that about 1,100 wait in the triage queues, unclaimed. */
const ITEMS = 1600;
const REVIEWERS = ['usr_ana', 'usr_ben', 'usr_sasha', 'usr_mira'] as const;

interface Held {
  id: string;
  version: number;
  holder: string;
}

/**
 * `count` queue ids, one per "next" to send, spread round-robin over the queues, each sent at
 * most 95% of what waits in it: a reviewer who may not take one item there still finds another.
 */
function spreadOver(waiting: readonly { queue_id: string; n: number }[], count: number) {
  const room = new Map(waiting.map(({ queue_id, n }) => [queue_id, Math.floor(n * 0.95)]));
  const plan: string[] = [];
  while (plan.length < count) {
    const open = [...room].filter(([, left]) => left > 0);
    if (open.length === 0) throw new Error(`only ${plan.length} items wait for ${count} claims`);
    for (const [queueId, left] of open) {
      if (plan.length === count) break;
      plan.push(queueId);
      room.set(queueId, left - 1);
    }
  }
  return plan;
}

describe.skipIf(postgres.skipReason !== null)('two server processes on one PostgreSQL', () => {
  let database: OpenDatabase & { url: string };
  let dataDir: string;
  let instances: ServerProcess[] = [];
  const clients = new Map<string, ProcessClient>();
  const client = (userId: string) => {
    const found = clients.get(userId);
    if (!found) throw new Error(`${userId} is not signed in`);
    return found;
  };
  const origin = (i: number) => instances[i % 2]?.origin ?? '';
  let held: Held[] = [];

  beforeAll(async () => {
    database = await postgres.open();
    dataDir = mkdtempSync(join(tmpdir(), 'verity-instances-'));
    const start = () =>
      startServerProcess({
        dataDir,
        databaseUrl: database.url,
        args: ['--items', String(ITEMS), '--max-held', String(MAX_HELD)],
      });
    // Started at once: they migrate together, and one seeds while the other waits for it.
    instances = await Promise.all([start(), start()]);
    for (const [i, id] of REVIEWERS.entries()) clients.set(id, await signInTo(origin(i), id));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  test('1,000 concurrent "next" claims over both instances: 1,000 distinct items, all 200, no one over the cap', async () => {
    const { db } = database;
    const waiting = await db
      .selectFrom('items')
      .leftJoin('claims', 'claims.item_id', 'items.id')
      .select(['items.queue_id', db.fn.countAll<number>().as('n')])
      .where('items.status', '=', 'pending')
      .where('claims.item_id', 'is', null)
      .groupBy('items.queue_id')
      .execute();
    const plan = spreadOver(waiting, CLAIMS);
    const started = performance.now();
    const answers = await Promise.all(
      plan.map(async (queueId, i) => {
        // Each reviewer's claims go to both instances.
        const reviewer = client(REVIEWERS[i % REVIEWERS.length] ?? 'usr_ana');
        const at = origin(Math.floor(i / REVIEWERS.length));
        const response = await reviewer.send(at, 'POST', `/api/queues/${queueId}/next`);
        return { reviewer: reviewer.userId, status: response.status, body: await response.text() };
      }),
    );
    console.info(`${CLAIMS} claims in ${(performance.now() - started).toFixed(0)} ms`);
    expect(instances.map((i) => i.stderr())).toEqual(['', '']);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    held = answers.map(({ reviewer, body }) => {
      const { item } = NextItem.parse(JSON.parse(body));
      if (!item) throw new Error(`no item for ${reviewer}`);
      expect(item.lease?.holderId).toBe(reviewer);
      return { id: item.id, version: item.version, holder: reviewer };
    });
    expect(new Set(held.map((h) => h.id)).size).toBe(CLAIMS);

    // The claims table agrees: each item held once, by who was answered it, and no one holds
    // more than the cap.
    const claims = await db.selectFrom('claims').select(['item_id', 'holder_id']).execute();
    const holderOf = new Map(claims.map((c) => [c.item_id, c.holder_id]));
    for (const { id, holder } of held) expect(holderOf.get(id)).toBe(holder);
    const perHolder = new Map<string, number>();
    for (const { holder_id } of claims)
      perHolder.set(holder_id, (perHolder.get(holder_id) ?? 0) + 1);
    for (const [holder, n] of perHolder) expect(n, holder).toBeLessThanOrEqual(MAX_HELD);
    expect(instances.map((i) => i.stderr())).toEqual(['', '']);
  }, 300_000);

  test('500 decisions raced over both instances, each sent twice by its holder and contested by another: each recorded once, no 5xx', async () => {
    const { db } = database;
    const mine = held.filter((h) => h.holder === 'usr_ana' || h.holder === 'usr_ben');
    const items = mine.slice(0, DECISIONS);
    expect(items).toHaveLength(DECISIONS);
    const rivalOf = (holder: string) => (holder === 'usr_ana' ? 'usr_ben' : 'usr_ana');
    const decide = (item: Held, userId: string, at: string) =>
      client(userId).send(at, 'POST', `/api/items/${item.id}/decisions`, {
        verdict: { kind: 'dismiss', reason: 'adult_content' },
        note: null,
        itemVersion: item.version,
        idempotencyKey: `race-${item.id}-${userId}`,
        madeBy: userId,
      });
    const started = performance.now();
    const answers = await Promise.all(
      items.map(async (item, i) => {
        const sent = [
          decide(item, item.holder, origin(0)),
          decide(item, item.holder, origin(1)),
          decide(item, rivalOf(item.holder), origin(i)),
        ];
        return Promise.all(
          sent.map(async (p) => {
            const response = await p;
            return { status: response.status, body: JSON.parse(await response.text()) as unknown };
          }),
        );
      }),
    );
    console.info(`${DECISIONS * 3} decisions in ${(performance.now() - started).toFixed(0)} ms`);
    expect(answers.flat().filter((a) => a.status >= 500)).toEqual([]);
    for (const [i, [first, second, rival]] of answers.entries()) {
      const item = items[i];
      expect([first?.status, second?.status], item?.id).toEqual([200, 200]);
      const one = DecisionResult.parse(first?.body).decision;
      const two = DecisionResult.parse(second?.body).decision;
      expect(two).toEqual(one);
      expect(one.actor.id).toBe(item?.holder);
      // Held by the other, or decided by the time it was read: refused either way.
      expect(rival?.status, item?.id).toBe(409);
      expect(['held', 'already_decided', 'version_conflict']).toContain(
        ErrorBody.parse(rival?.body).error.code,
      );
    }

    const ids = items.map((item) => item.id);
    const decisions = await db
      .selectFrom('decisions')
      .select(['item_id', 'actor_id'])
      .where('item_id', 'in', ids)
      .execute();
    expect(decisions).toHaveLength(DECISIONS);
    expect(new Set(decisions.map((d) => d.item_id)).size).toBe(DECISIONS);
    const actions = await db
      .selectFrom('audit_events')
      .select(['action', db.fn.countAll<number>().as('n')])
      .where('subject_id', 'in', ids)
      .where('action', 'in', ['item.decided', 'item.decision_replayed', 'item.decision_refused'])
      .groupBy('action')
      .execute();
    expect(Object.fromEntries(actions.map((a) => [a.action, a.n]))).toEqual({
      'item.decided': DECISIONS,
      'item.decision_replayed': DECISIONS,
      'item.decision_refused': DECISIONS,
    });
    expect(instances.map((i) => i.stderr())).toEqual(['', '']);
  }, 300_000);

  test('the audit chain both wrote verifies end to end, and its head is its last event', async () => {
    const { db } = database;
    const head = await auditHead(db);
    const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
    const page = 5000;
    let last = null;
    for (let from = 1; from <= head.seq; from += page) {
      const events = await auditRange(db, from, page);
      expect(verifier.push(events)).toBeNull();
      last = events.at(-1) ?? last;
    }
    expect(verifier.checked).toBe(head.seq);
    expect(last).toMatchObject({ seq: head.seq, hash: head.hash });
  }, 120_000);
});
