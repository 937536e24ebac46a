import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { insertDecisions } from '../decisions/decision-rows';
import { generateData } from '../demo/generator';
import { demoUsers, otherUsers } from '../directory/directory';
import { ensureUsers } from '../directory/users';
import { insertItems } from '../items/item-rows';
import { describeOnEachEngine } from './each-engine';

const now = new Date('2026-03-02T12:00:00.000Z');

describeOnEachEngine('what lists read through', (database, skip) => {
  test.skipIf(skip)(
    'the kept counts and each item’s status_since follow every change, whoever writes it',
    async () => {
      const { db } = database();
      const data = generateData({ seed: 3, items: 400, now, leaseSeconds: 300 });
      await db.transaction().execute(async (trx) => {
        await ensureUsers(trx, [...demoUsers, ...otherUsers], { demo: true });
        await insertItems(trx, data.items);
        await insertDecisions(
          trx,
          [...data.decisions.values()].flat().map((d) => ({ ...d, idempotencyKey: `s:${d.id}` })),
        );
      });
      const counted = async () => {
        const kept = await db
          .selectFrom('item_counts')
          .select(['queue_id', 'status', 'priority', sql<string>`sum(n)`.as('n')])
          .groupBy(['queue_id', 'status', 'priority'])
          .having(sql`sum(n)`, '<>', 0)
          .orderBy('queue_id')
          .orderBy('status')
          .orderBy('priority')
          .execute();
        const actual = await db
          .selectFrom('items')
          .select(['queue_id', 'status', 'priority', sql<string>`count(*)`.as('n')])
          .groupBy(['queue_id', 'status', 'priority'])
          .orderBy('queue_id')
          .orderBy('status')
          .orderBy('priority')
          .execute();
        expect(kept.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(
          actual.map((r) => ({ ...r, n: Number(r.n) })),
        );
        return actual.length;
      };
      expect(await counted()).toBeGreaterThan(10);

      // Changes of status, priority and queue; a change of version alone; deletions.
      const [a, b, c, d] = data.items.filter((i) => i.status === 'pending');
      if (!a || !b || !c || !d) throw new Error('not enough pending items');
      await db
        .updateTable('items')
        .set({ status: 'confirmed' })
        .where('id', 'in', [a.id, b.id])
        .execute();
      await db
        .updateTable('items')
        .set({ priority: 'p0', queue_id: 'q-text' })
        .where('id', '=', c.id)
        .execute();
      await db.updateTable('items').set({ version: 9 }).where('id', '=', d.id).execute();
      await db.deleteFrom('items').where('id', '=', d.id).execute();
      await counted();

      // status_since: the latest standing decision, back to none once it is undone.
      const since = async (id: string) =>
        (
          await db
            .selectFrom('items')
            .select('status_since')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status_since;
      const decided = data.items.find((i) => (data.decisions.get(i.id)?.length ?? 0) > 0);
      const latest = decided ? data.decisions.get(decided.id)?.at(-1) : undefined;
      if (!decided || !latest) throw new Error('no decided item');
      expect((await since(decided.id))?.toISOString()).toBe(latest.at);
      expect(await since(a.id)).toBeNull();
      const at = new Date(now.getTime() + 60_000);
      await db.transaction().execute((trx) =>
        insertDecisions(trx, [
          {
            id: `dec_${a.id.slice(4)}_1`,
            itemId: a.id,
            itemVersion: a.version,
            stage: 'first',
            verdict: { kind: 'dismiss', reason: 'adult_content' },
            supersedes: null,
            note: null,
            actor: { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst' },
            at: at.toISOString(),
            idempotencyKey: `k-${a.id}`,
          },
        ]),
      );
      expect((await since(a.id))?.toISOString()).toBe(at.toISOString());
      await db
        .updateTable('decisions')
        .set({ undone_at: at })
        .where('item_id', '=', a.id)
        .execute();
      expect(await since(a.id)).toBeNull();
    },
    120_000,
  );
});
