import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { describeOnEachEngine } from '../db/each-engine';
import { seedDemoData } from './seed';

describeOnEachEngine('the demo seed', (database, skip) => {
  test.skipIf(skip)(
    'writes each item’s status_since as its trigger keeps it, and leaves that trigger on',
    async () => {
      const { db } = database();
      await seedDemoData(database(), {
        seed: 4,
        items: 300,
        auditEvents: 0,
        leaseSeconds: 300,
        now: new Date('2026-03-02T12:00:00.000Z'),
      });
      const { rows } = await sql<{ decided: number; wrong: number }>`
        select count(*) filter (where kept is not null)::int as decided,
          count(*) filter (where status_since is distinct from kept)::int as wrong
        from (
          select status_since, (select max(d.at) from decisions d
            where d.item_id = items.id and d.undone_at is null) as kept
          from items
        ) as compared`.execute(db);
      expect(rows[0]?.decided).toBeGreaterThan(50);
      expect(rows[0]?.wrong).toBe(0);

      // A decision made after the seed moves its item's status_since: the trigger is on again.
      const item = await db
        .selectFrom('items')
        .select('id')
        .where('status_since', 'is', null)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('decisions')
        .values({
          id: 'dec_after_seed',
          item_id: item.id,
          item_version: 1,
          stage: 'first',
          verdict: JSON.stringify({ kind: 'escalate', reason: 'after the seed' }),
          supersedes: null,
          note: null,
          actor_id: 'usr_ana',
          at: '2026-03-02T12:30:00.000Z',
          idempotency_key: 'after-seed',
          undone_at: null,
        })
        .execute();
      const after = await db
        .selectFrom('items')
        .select('status_since')
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      expect(after.status_since?.toISOString()).toBe('2026-03-02T12:30:00.000Z');
    },
  );
});
