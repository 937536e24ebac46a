import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NewRow } from './tables';

/**
 * Runs `load` with these tables' secondary indexes dropped, then builds them again, all in the
 * caller's transaction: building an index once over 100,000 rows is several times faster than
 * updating twenty indexes row by row. Indexes that back a constraint (primary keys, uniques) stay,
 * so the load is checked as any write is. Meant for filling empty tables (the demo's seed): the
 * drop locks each table until the transaction ends.
 */
export async function withIndexesDeferred<T>(
  trx: Transaction<Database>,
  tables: readonly (keyof Database)[],
  load: () => Promise<T>,
): Promise<T> {
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    where t.relname in (${sql.join(tables)})
      and t.relnamespace = current_schema()::regnamespace
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by name`.execute(trx);
  for (const { name } of indexes) await sql`drop index ${sql.raw(name)}`.execute(trx);
  const loaded = await load();
  for (const { definition } of indexes) await sql.raw(definition).execute(trx);
  await refreshPlannerStatistics(trx, tables);
  return loaded;
}

/**
 * Gives the query planner fresh statistics of these tables (all without): without them it guesses,
 * and at 100,000 items a guess turns an index lookup into a scan of a whole table. PostgreSQL's
 * autovacuum refreshes them in time; embedded PGlite has none, so a bulk load asks (and
 * `vacuumAndAnalyze` at each start).
 */
export async function refreshPlannerStatistics(
  db: Kysely<Database> | Transaction<Database>,
  tables: readonly (keyof Database)[] = [],
) {
  const statement =
    tables.length === 0
      ? sql`analyze`
      : sql`analyze ${sql.join(tables.map((table) => sql.table(table)))}`;
  await statement.execute(db);
}

/**
 * What autovacuum does on PostgreSQL, for embedded PGlite, which has none: the planner's
 * statistics, and the visibility map, without which reading a list by its index visits the row
 * of every entry it skips (a queue's last page at 100,000 items: a scan and a sort of the whole
 * table instead of an index-only scan). Outside any transaction.
 */
export async function vacuumAndAnalyze(db: Kysely<Database>) {
  await sql`vacuum analyze`.execute(db);
}

/** Fewer rows than this go in as one INSERT: a COPY's setup costs more than it saves. */
const COPY_FROM_ROWS = 200;

/** What COPY's text format must see escaped in a value: its delimiters and its escape. */
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A value as COPY's text format reads it: `\N` is NULL, anything else as is but escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = value instanceof Date ? value.toISOString() : value;
  if (typeof text !== 'string') throw new Error(`No COPY form for ${typeof value}`);
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPED[c] ?? c) : text;
}

/**
 * Inserts rows into a table, in the caller's transaction, checked by every constraint and
 * trigger as any insert is. Every row has the first row's columns, each with a value (undefined
 * goes in as null, not as the column's default). Many rows go in through one `copy … from
 * stdin`, a few as one INSERT. A seed of 100,000 items took 45 s through INSERTs of 500 rows on
 * PGlite, 37 s through COPY; on PostgreSQL 15, 38 s and 29–34 s.
 */
export async function insertRows<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly NewRow<T>[],
): Promise<void> {
  const [first] = rows;
  if (!first) return;
  if (rows.length < COPY_FROM_ROWS) {
    await trx.insertInto(table).values(rows).execute();
    return;
  }
  const columns = Object.keys(first);
  const input = rows
    .map((row: Readonly<Record<string, unknown>>) =>
      columns.map((c) => copyValue(row[c])).join('\t'),
    )
    .join('\n');
  const names = columns.map((c) => `"${c}"`).join(', ');
  await trx.executeQuery(CompiledQuery.raw(`copy "${table}" (${names}) from stdin`, [input]));
}
