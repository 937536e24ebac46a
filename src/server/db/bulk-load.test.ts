import { sql, type Kysely } from 'kysely';
import { expect, test } from 'vitest';
import { seedDemoData } from '../demo/seed';
import { insertRows, withForeignKeysDeferred, withIndexesDeferred } from './bulk-load';
import { describeOnEachEngine } from './each-engine';
import type { Database } from './tables';

const indexesOf = async (db: Kysely<Database>) =>
  (
    await sql<{ definition: string }>`
      select indexdef as definition from pg_indexes
      where schemaname = current_schema() order by indexname`.execute(db)
  ).rows.map((r) => r.definition);

const foreignKeysOf = async (db: Kysely<Database>) =>
  (
    await sql<{ definition: string }>`
      select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        as definition
      from pg_constraint
      where contype = 'f' and connamespace = current_schema()::regnamespace
      order by 1`.execute(db)
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

      await seedDemoData(database(), {
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

  test.skipIf(skip)(
    'builds a table’s indexes when the load asks, while it goes on, and the rest at its end',
    async () => {
      const { db } = database();
      const before = await indexesOf(db);
      const tablesIndexed = (trx: Kysely<Database>) =>
        sql<{ table: string; n: number }>`
          select tablename as table, count(*)::int as n from pg_indexes
          where schemaname = current_schema() and tablename in ('items', 'signals')
          group by tablename order by tablename`.execute(trx);

      const during = await db.transaction().execute((trx) =>
        withIndexesDeferred(trx, ['items', 'signals'], async (indexes) => {
          const { built } = await indexes.startBuilding(['items']);
          await built;
          return (await tablesIndexed(trx)).rows;
        }),
      );
      const after = (await tablesIndexed(db)).rows;
      expect(during).toEqual([after[0], { table: 'signals', n: 1 }]);
      expect(after[0]?.n).toBeGreaterThan(10);
      expect(await indexesOf(db)).toEqual(before);
    },
  );

  test.skipIf(skip)(
    'fails the load when an index it started building cannot be built, though no one awaited it',
    async () => {
      const { db } = database();
      const before = await indexesOf(db);
      const job = (id: string) => ({
        id,
        report_id: 'rpt_twice',
        state: 'queued' as const,
        requested_by: '{}',
        created_at: '2026-03-02T12:00:00.000Z',
        updated_at: '2026-03-02T12:00:00.000Z',
      });
      await expect(
        db.transaction().execute((trx) =>
          withForeignKeysDeferred(trx, ['filing_jobs'], () =>
            withIndexesDeferred(trx, ['filing_jobs'], async (indexes) => {
              // One open filing job per report: its unique index refuses the second.
              await trx
                .insertInto('filing_jobs')
                .values([job('job_1'), job('job_2')])
                .execute();
              await indexes.startBuilding(['filing_jobs']);
            }),
          ),
        ),
      ).rejects.toThrow(/filing_jobs_open/);
      expect(await indexesOf(db)).toEqual(before);
    },
  );

  test.skipIf(skip)(
    'samples the planner’s statistics as finely as asked, and leaves the target as it was',
    async () => {
      const { db } = database();
      const users = Array.from({ length: 400 }, (_, i) => ({
        id: `usr_sampled_${String(i).padStart(3, '0')}`,
        name: `Sampled ${i}`,
        role: 'analyst' as const,
        email: `sampled${i}@example.com`,
        demo: false,
      }));
      const bounds = await db.transaction().execute(async (trx) => {
        await withIndexesDeferred(trx, ['users'], () => insertRows(trx, 'users', users), {
          statisticsTarget: 10,
        });
        const { rows } = await sql<{ n: number; target: string }>`
          select array_length(histogram_bounds::text::text[], 1) as n,
            current_setting('default_statistics_target') as target
          from pg_stats
          where schemaname = current_schema() and tablename = 'users' and attname = 'email'`.execute(
          trx,
        );
        return rows[0];
      });
      expect(bounds?.n).toBeGreaterThan(2);
      expect(bounds?.n).toBeLessThanOrEqual(11);
      expect(bounds?.target).toBe('100');
    },
  );

  test.skipIf(skip)(
    'adds the foreign keys again as they were, and refuses a load with a row that refers to nothing',
    async () => {
      const { db } = database();
      const before = await foreignKeysOf(db);
      expect(before.some((definition) => definition.startsWith('signals '))).toBe(true);

      const during = await db
        .transaction()
        .execute((trx) =>
          withForeignKeysDeferred(trx, ['signals', 'provenance'], () => foreignKeysOf(trx)),
        );
      expect(during.filter((d) => /^(signals|provenance) /.test(d))).toEqual([]);
      expect(await foreignKeysOf(db)).toEqual(before);

      // A signal of an item that does not exist: accepted while loading, refused at the end.
      const orphans = Array.from({ length: 300 }, (_, position) => ({
        item_id: 'itm_missing',
        position,
        kind: 'hash_match' as const,
        rule_id: 'r',
        rule_version: '1',
        signal: '{}',
      }));
      await expect(
        db
          .transaction()
          .execute((trx) =>
            withForeignKeysDeferred(trx, ['signals'], () => insertRows(trx, 'signals', orphans)),
          ),
      ).rejects.toThrow(/signals_item_id_fkey/);
      expect(await foreignKeysOf(db)).toEqual(before);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from signals where item_id = 'itm_missing'`.execute(db);
      expect(rows).toEqual([{ n: 0 }]);
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
