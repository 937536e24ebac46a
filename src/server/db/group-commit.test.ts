import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { appendAuditEvents, auditHead, auditRange } from '../audit/audit-chain';
import { describeOnEachEngine } from './each-engine';
import { createGroupCommit } from './group-commit';
import { migrateToLatest } from './migrate';
import { openDatabase, type OpenDatabase } from './open-database';
import { postgresForTests } from './postgres-for-tests';
import type { Database } from './tables';

/** `db`, counting the statements it runs whose query mentions `text`. */
function counting(db: Kysely<Database>, text: string) {
  const counter = {
    count: 0,
    db: db.withPlugin({
      transformQuery: ({ node }) => {
        if (JSON.stringify(node).includes(text)) counter.count++;
        return node;
      },
      transformResult: ({ result }) => Promise.resolve(result),
    }),
  };
  return counter;
}

describeOnEachEngine('group commit', (database, skip) => {
  test.skipIf(skip)(
    'concurrent changes share transactions; one that fails rolls back alone and is told why',
    async () => {
      const { db } = database();
      const sizes: number[] = [];
      const group = createGroupCommit(db, { maxBatch: 16, onBatch: (size) => sizes.push(size) });
      const before = await auditHead(db);
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          group.run(async (trx) => {
            await trx
              .insertInto('settings')
              .values({ key: `grouped.${i}`, value: JSON.stringify(i), version: 1 })
              .execute();
            await appendAuditEvents(trx, [
              {
                at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
                actor: { id: 'sys_test', name: 'Test', role: 'system' },
                action: 'item.viewed',
                subject: { type: 'item', id: `itm_${i}` },
                detail: { i },
              },
            ]);
            if (i % 10 === 7) throw new Error(`unit ${i} refused`);
            return i;
          }),
        ),
      );
      const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
      expect(refused).toEqual([7, 17, 27, 37]);
      expect(results[17]).toMatchObject({
        status: 'rejected',
        reason: { message: 'unit 17 refused' },
      });
      expect(results[18]).toEqual({ status: 'fulfilled', value: 18 });
      const kept = await db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'grouped.%')
        .execute();
      expect(kept).toHaveLength(36);
      // The first change found the queue empty and committed alone; the rest waited and shared.
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
      expect(sizes.length).toBeLessThanOrEqual(5);
      const head = await auditHead(db);
      expect(head.seq - before.seq).toBe(36);
      const events = await auditRange(db, 1, head.seq);
      const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
      expect(verifier.push(events)).toBeNull();
    },
  );

  test.skipIf(skip)(
    'a change alone takes no savepoint, and what it throws rolls back only it and reaches its caller',
    async () => {
      const savepoints = counting(database().db, 'savepoint');
      const { db } = savepoints;
      const group = createGroupCommit(db);
      const setting = (key: string) => ({ key, value: JSON.stringify(key), version: 1 });
      await group.run((trx) => trx.insertInto('settings').values(setting('alone.kept')).execute());
      const refused = group.run(async (trx) => {
        await trx.insertInto('settings').values(setting('alone.refused')).execute();
        throw new Error('refused alone');
      });
      await expect(refused).rejects.toThrow('refused alone');
      expect(savepoints.count).toBe(0);
      const kept = await db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'alone.%')
        .execute();
      expect(kept).toEqual([{ key: 'alone.kept' }]);
    },
  );

  test.skipIf(skip)(
    'a batch reads and writes the chain’s head once, however many of its changes are audited',
    async () => {
      const headStatements = counting(database().db, '"audit_head"');
      const { db } = headStatements;
      const sizes: number[] = [];
      const group = createGroupCommit(db, { onBatch: (size) => sizes.push(size) });
      const before = await auditHead(db);
      headStatements.count = 0;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          group.run((trx) =>
            appendAuditEvents(trx, [
              {
                at: new Date(Date.UTC(2026, 0, 2, 0, 0, i)).toISOString(),
                actor: { id: 'sys_test', name: 'Test', role: 'system' },
                action: 'item.viewed',
                subject: { type: 'item', id: `itm_${i}` },
                detail: { i },
              },
            ]),
          ),
        ),
      );
      expect(sizes).toEqual([1, 19]);
      expect(headStatements.count).toBe(2 * sizes.length);
      const head = await auditHead(db);
      expect(head.seq - before.seq).toBe(20);
      const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
      expect(verifier.push(await auditRange(db, 1, head.seq))).toBeNull();
    },
  );
});

const postgres = postgresForTests();

/** A promise and its resolve, for steering two instances' transactions step by step. */
function signal() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(postgres.skipReason !== null)('group commit across instances on PostgreSQL', () => {
  let database: OpenDatabase & { url: string };
  let other: OpenDatabase;
  beforeAll(async () => {
    database = await postgres.open();
    await migrateToLatest(database.db);
    other = await openDatabase({ url: database.url });
    await other.db.selectFrom('settings').select('key').execute(); // its pool connected
    await database.db
      .insertInto('settings')
      .values({ key: 'contended', value: JSON.stringify(0), version: 1 })
      .execute();
  }, 120_000);
  afterAll(async () => {
    await other.close();
    await database.close();
  });

  const event = (id: string) => ({
    at: '2026-01-01T00:00:00.000Z',
    actor: { id: 'sys_test', name: 'Test', role: 'system' as const },
    action: 'item.viewed' as const,
    subject: { type: 'item' as const, id },
    detail: {},
  });
  /** Until `count` transactions on the test's database wait for a lock. */
  async function waitingForLocks(count: number) {
    for (;;) {
      const { rows } = await sql<{ waiting: number }>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(database.db);
      if ((rows[0]?.waiting ?? 0) >= count) return;
      await sleep(10);
    }
  }
  const touch = (trx: Transaction<Database>) =>
    trx
      .updateTable('settings')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('key', '=', 'contended')
      .execute();

  test('a batch that appended and then needs a row another instance’s batch holds: neither is rolled back, as a batch that changes takes the chain’s head first', async () => {
    const retries: unknown[] = [];
    const a = createGroupCommit(database.db, { onRetry: (error) => retries.push(error) });
    const b = createGroupCommit(other.db, { onRetry: (error) => retries.push(error) });
    const gate = signal();
    const headHeld = signal();
    const rowHeld = signal();
    // Held open, so that a1 and a2 are queued behind it and share the next transaction.
    const blocker = a.run(() => gate.promise);
    const a1 = a.run(async (trx) => {
      await appendAuditEvents(trx, [event('itm_a1')]);
      headHeld.resolve();
    });
    const a2 = a.run(async (trx) => {
      // Until the other instance holds the row; a while at most, should it wait for the head.
      await Promise.race([rowHeld.promise, sleep(2000)]);
      await touch(trx);
    });
    gate.resolve();
    await headHeld.promise;
    // The other instance changes the row, then appends: it waits for the head a1 holds.
    const b1 = b.run(async (trx) => {
      await touch(trx);
      rowHeld.resolve();
      await appendAuditEvents(trx, [event('itm_b1')]);
    });
    const results = await Promise.allSettled([blocker, a1, a2, b1]);
    expect(results.map((r) => r.status)).toEqual(Array(4).fill('fulfilled'));
    expect(retries).toEqual([]);
  }, 60_000);

  test('a change PostgreSQL rolls back to break a deadlock runs again, and is not refused', async () => {
    const retries: unknown[] = [];
    const a = createGroupCommit(database.db, { onRetry: (error) => retries.push(error) });
    const rowHeld = signal();
    // Another transaction, outside any batch: it holds the row, then waits for the head. It asks
    // for the head only once this instance's batch is waiting for the row, and a while later: the
    // transaction that has waited longest finds the deadlock first, and PostgreSQL rolls back the
    // one that finds it.
    const elsewhere = other.db.transaction().execute(async (trx) => {
      await touch(trx);
      rowHeld.resolve();
      await waitingForLocks(1);
      await sleep(200);
      await appendAuditEvents(trx, [event('itm_elsewhere')]);
    });
    // This one holds the head and waits for the row first: PostgreSQL rolls it back.
    const mine = a.run(async (trx) => {
      await appendAuditEvents(trx, [event('itm_mine')]);
      await rowHeld.promise;
      await touch(trx);
      return 'recorded';
    });
    const results = await Promise.allSettled([elsewhere, mine]);
    expect(results).toEqual([
      { status: 'fulfilled', value: undefined },
      { status: 'fulfilled', value: 'recorded' },
    ]);
    expect(retries).toEqual([expect.objectContaining({ code: '40P01' })]);
    const head = await auditHead(database.db);
    const events = await auditRange(database.db, 1, head.seq);
    expect(
      events.map((e) => e.subject.id).filter((id) => id !== 'itm_a1' && id !== 'itm_b1'),
    ).toEqual(['itm_elsewhere', 'itm_mine']);
  }, 60_000);
});
