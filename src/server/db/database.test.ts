import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { migrateToLatest } from './migrate';
import { describeOnEachEngine } from './each-engine';

const tables = [
  'audit_events',
  'audit_head',
  'break_dismissals',
  'claims',
  'decisions',
  'filing_documents',
  'filing_jobs',
  'item_counts',
  'items',
  'provenance',
  'report_files',
  'report_items',
  'reports',
  'reveals',
  'sessions',
  'settings',
  'signals',
  'users',
  'verdict_readers',
];

describeOnEachEngine('the database', (database, skip) => {
  test.skipIf(skip)('migrates to every table, once', async () => {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_name not like 'kysely_%'
      order by table_name`.execute(database().db);
    expect(rows.map((r) => r.name)).toEqual(tables);
    expect(await migrateToLatest(database().db)).toEqual([]);
  });

  test.skipIf(skip)('has no index whose keys lead another index of the same table', async () => {
    // Plain indexes only (no expression, no predicate, not unique): their key columns and
    // collations, compared as arrays; a btree reads either way, so directions do not count.
    const { rows } = await sql<{ shorter: string; longer: string }>`
      with plain as (
        select indexrelid::regclass::text as name, indrelid, indnkeyatts as n,
          (indkey::int2[])[0:indnkeyatts - 1] as keys,
          (indcollation::oid[])[0:indnkeyatts - 1] as collations
        from pg_index
        where indexprs is null and indpred is null and not indisunique
          and indrelid::regclass::text not like 'kysely_%'
          and (select relnamespace from pg_class where oid = indrelid) = current_schema()::regnamespace
      )
      select a.name as shorter, b.name as longer
      from plain a join plain b on a.indrelid = b.indrelid and a.name <> b.name
      where a.n <= b.n and a.keys = b.keys[1:a.n] and a.collations = b.collations[1:a.n]
      order by 1, 2`.execute(database().db);
    expect(rows).toEqual([]);
  });

  test.skipIf(skip)(
    'keeps JSON whole, times exact, and refuses a value its checks forbid',
    async () => {
      const { db } = database();
      await db
        .insertInto('users')
        .values({ id: 'usr_t', name: 'T', role: 'analyst', email: 't@verity.test' })
        .execute();
      const media = {
        kind: 'image',
        fileName: '\u202Egnp.exe',
        exif: [{ tag: 'x', value: '<b>' }],
      };
      await db
        .insertInto('items')
        .values({
          id: 'itm_t',
          version: 1,
          queue_id: 'q',
          status: 'pending',
          priority: 'p1',
          flagged_at: '2026-02-28T23:59:59.999Z',
          sla_due_at: new Date('2026-03-01T00:00:00.001Z'),
          sha256: 'a'.repeat(64),
          md5: 'b'.repeat(32),
          pdq: null,
          hash_only: false,
          media: JSON.stringify(media),
        })
        .execute();
      const item = await db
        .selectFrom('items')
        .selectAll()
        .where('id', '=', 'itm_t')
        .executeTakeFirstOrThrow();
      expect(item.media).toEqual(media);
      expect(item.flagged_at.toISOString()).toBe('2026-02-28T23:59:59.999Z');
      expect(item.sla_due_at.toISOString()).toBe('2026-03-01T00:00:00.001Z');
      await expect(
        db
          .updateTable('items')
          .set({ status: 'lost' as 'pending' })
          .where('id', '=', 'itm_t')
          .execute(),
      ).rejects.toThrow(/check constraint/);
      const { count } = await db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(count).toBe(1);
    },
  );

  test.skipIf(skip)(
    'transactions do not interleave: each sees the other’s committed write',
    async () => {
      const { db } = database();
      await db.insertInto('settings').values({ key: 'counter', value: '0', version: 1 }).execute();
      const increment = () =>
        db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('settings')
            .select(['value', 'version'])
            .where('key', '=', 'counter')
            .forUpdate()
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('settings')
            .set({ value: JSON.stringify(Number(row.value) + 1), version: row.version + 1 })
            .where('key', '=', 'counter')
            .execute();
        });
      await Promise.all(Array.from({ length: 20 }, increment));
      const row = await db
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', 'counter')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ value: 20, version: 21 });
    },
  );

  test.skipIf(skip)(
    'analyze leaves the JSON documents out, and keeps statistics of the columns beside them',
    async () => {
      const { db } = database();
      const { rows: sampled } = await sql<{ column: string }>`
        select c.relname || '.' || a.attname as column
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r'
          and a.atttypid = 'jsonb'::regtype and not a.attisdropped
          and a.attstattarget is distinct from 0
        order by 1`.execute(db);
      expect(sampled).toEqual([]);
      await db
        .insertInto('settings')
        .values({ key: 'analyzed', value: JSON.stringify({ a: 1 }), version: 1 })
        .execute();
      await sql`analyze settings`.execute(db);
      const { rows: stats } = await sql<{ column: string }>`
        select attname as column from pg_stats
        where schemaname = current_schema() and tablename = 'settings' order by 1`.execute(db);
      expect(stats.map((s) => s.column)).toEqual(['key', 'version']);
    },
  );
});
