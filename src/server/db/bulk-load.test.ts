import { sql, type Kysely } from 'kysely';
import { expect, test } from 'vitest';
import { seedDemoData } from '../demo/seed';
import { withIndexesDeferred } from './bulk-load';
import { describeOnEachEngine } from './each-engine';
import type { Database } from './tables';

const indexesOf = async (db: Kysely<Database>) =>
  (
    await sql<{ definition: string }>`
      select indexdef as definition from pg_indexes
      where schemaname = current_schema() order by indexname`.execute(db)
  ).rows.map((r) => r.definition);

describeOnEachEngine('a bulk load', (database, skip) => {
  test.skipIf(skip)(
    'builds every index again as it was, and keeps the constraints checked during the load',
    async () => {
      const { db } = database();
      const before = await indexesOf(db);
      expect(before.length).toBeGreaterThan(40);

      const during = await db.transaction().execute((trx) =>
        withIndexesDeferred(trx, ['items', 'signals'], async () => {
          const listed = await sql<{ definition: string }>`
            select indexdef as definition from pg_indexes
            where schemaname = current_schema() and tablename in ('items', 'signals')`.execute(trx);
          return listed.rows.map((r) => r.definition);
        }),
      );
      // Only the primary keys stay while loading: they check the rows as they go in.
      expect(during).toHaveLength(2);
      expect(during.every((definition) => definition.includes('UNIQUE'))).toBe(true);
      expect(await indexesOf(db)).toEqual(before);

      await seedDemoData(db, {
        seed: 1,
        items: 60,
        auditEvents: 0,
        leaseSeconds: 300,
        now: new Date('2026-03-02T12:00:00.000Z'),
      });
      expect(await indexesOf(db)).toEqual(before);
      // The planner has statistics of what was loaded: no autovacuum is waited for.
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stats
        where schemaname = current_schema() and tablename = 'items'`.execute(db);
      expect(rows[0]?.n).toBeGreaterThan(5);
    },
  );

  test.skipIf(skip)('a load that fails leaves the indexes as they were', async () => {
    const { db } = database();
    const before = await indexesOf(db);
    await expect(
      db
        .transaction()
        .execute((trx) =>
          withIndexesDeferred(trx, ['items'], () => Promise.reject(new Error('the load failed'))),
        ),
    ).rejects.toThrow('the load failed');
    expect(await indexesOf(db)).toEqual(before);
  });
});
