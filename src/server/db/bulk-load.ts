import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { CopyInput } from './copy-from-stdin';
import type { Database, NewRow } from './tables';

/** Deferred indexes a load may have built before it ends (`withIndexesDeferred`). */
export interface DeferredIndexes {
  /**
   * Starts building these tables' deferred indexes, in one statement that the database works
   * through while the caller goes on making the rest of its data: node-postgres sends a
   * statement only when the caller yields, and a statement per index would leave the database
   * idle between them. Resolves once the statement has gone out (one turn of the event loop),
   * with the build's own promise; the load's next statement waits for the build.
   */
  startBuilding(tables: readonly (keyof Database)[]): Promise<{ built: Promise<void> }>;
}

/** `create index` statements as one, run one after another on the server. */
const oneStatement = (definitions: readonly string[]) =>
  sql.raw(
    `do $build$ begin ${definitions.map((d) => `execute '${d.replaceAll("'", "''")}';`).join(' ')} end $build$`,
  );

/**
 * Runs `load` with these tables' secondary indexes dropped, then builds them again, all in the
 * caller's transaction: building an index once over 100,000 rows is several times faster than
 * updating twenty indexes row by row. Indexes that back a constraint (primary keys, uniques) stay,
 * so the load is checked as any write is. Meant for filling empty tables (the demo's seed): the
 * drop locks each table until the transaction ends. `load` may build a table's indexes once it
 * is filled (`startBuilding`); the rest are built when it ends. The tables' planner statistics
 * are then refreshed, from samples of `statisticsTarget` × 300 rows (PostgreSQL's default target
 * is 100).
 */
export async function withIndexesDeferred<T>(
  trx: Transaction<Database>,
  tables: readonly (keyof Database)[],
  load: (indexes: DeferredIndexes) => Promise<T>,
  { statisticsTarget }: { statisticsTarget?: number } = {},
): Promise<T> {
  const { rows: deferred } = await sql<{ table: string; name: string; definition: string }>`
    select t.relname as table, i.indexrelid::regclass::text as name,
      pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    where t.relname in (${sql.join(tables)})
      and t.relnamespace = current_schema()::regnamespace
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by name`.execute(trx);
  for (const { name } of deferred) await sql`drop index ${sql.raw(name)}`.execute(trx);
  let unbuilt = deferred;
  const builds: Promise<void>[] = [];
  const loaded = await load({
    async startBuilding(some) {
      const now = unbuilt.filter((index) => some.some((table) => table === index.table));
      unbuilt = unbuilt.filter((index) => !now.includes(index));
      const built =
        now.length === 0
          ? Promise.resolve()
          : oneStatement(now.map((index) => index.definition))
              .execute(trx)
              .then(() => undefined);
      // Awaited below and by the caller: a build that fails is not an unhandled rejection meanwhile.
      built.catch(() => undefined);
      builds.push(built);
      await new Promise((resolve) => setImmediate(resolve));
      return { built };
    },
  });
  await Promise.all(builds);
  if (unbuilt.length > 0) await oneStatement(unbuilt.map((index) => index.definition)).execute(trx);
  if (statisticsTarget === undefined) await refreshPlannerStatistics(trx, tables);
  else {
    await sql`set local default_statistics_target = ${sql.lit(statisticsTarget)}`.execute(trx);
    await refreshPlannerStatistics(trx, tables);
    await sql`set local default_statistics_target to default`.execute(trx);
  }
  return loaded;
}

/**
 * Runs `load` with these tables' foreign keys dropped, then adds them again, all in the caller's
 * transaction: adding a foreign key checks every row in one join, where a load with it in place
 * checks each row as it goes in (about 2.5 s of a seed of 100,000 items on PostgreSQL 15). A row
 * that refers to nothing then fails the whole load when its foreign key is added, naming it.
 */
export async function withForeignKeysDeferred<T>(
  trx: Transaction<Database>,
  tables: readonly (keyof Database)[],
  load: () => Promise<T>,
): Promise<T> {
  const { rows: foreignKeys } = await sql<{ table: string; name: string; definition: string }>`
    select c.conrelid::regclass::text as table, quote_ident(c.conname) as name,
      pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    where c.contype = 'f'
      and t.relname in (${sql.join(tables)})
      and t.relnamespace = current_schema()::regnamespace
    order by c.conrelid::regclass::text, c.conname`.execute(trx);
  for (const { table, name } of foreignKeys)
    await sql.raw(`alter table ${table} drop constraint ${name}`).execute(trx);
  const loaded = await load();
  for (const { table, name, definition } of foreignKeys)
    await sql.raw(`alter table ${table} add constraint ${name} ${definition}`).execute(trx);
  return loaded;
}

/**
 * Runs `load` with one of a table's triggers off, in the caller's transaction: for a bulk load
 * that has already written what the trigger keeps. Should `load` fail, the transaction's
 * rollback turns the trigger on again.
 */
export async function withTriggerDisabled<T>(
  trx: Transaction<Database>,
  table: keyof Database,
  trigger: string,
  load: () => Promise<T>,
): Promise<T> {
  await sql`alter table ${sql.table(table)} disable trigger ${sql.id(trigger)}`.execute(trx);
  const loaded = await load();
  await sql`alter table ${sql.table(table)} enable trigger ${sql.id(trigger)}`.execute(trx);
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

/** COPY's input is made this many rows at a time: PostgreSQL reads one piece while the next is made. */
const ROWS_PER_PIECE = 100;

/**
 * What COPY's text format must see escaped in a value: its delimiters and its escape, and any
 * character beyond Latin-1, sent as its UTF-8 bytes in `\xNN` escapes. One such character in a
 * piece otherwise makes the whole piece a two-byte string: twice the memory to build it, and a
 * slow conversion to UTF-8 as it is sent.
 */
const SPECIAL = /[\\\t\n\r\u0100-\uffff]/;
const SPECIALS = /[\\\t\n\r]|[\u0100-\u{10ffff}]/gu;
const ESCAPED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

const escapeSpecial = (c: string) =>
  ESCAPED[c] ??
  Array.from(Buffer.from(c), (byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');

/** A value as COPY's text format reads it: `\N` is NULL, anything else as is but escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = value instanceof Date ? value.toISOString() : value;
  if (typeof text !== 'string') throw new Error(`No COPY form for ${typeof value}`);
  if (!SPECIAL.test(text)) return text;
  const escaped = text.replace(SPECIALS, escapeSpecial);
  // Made from a two-byte string, the escaped one is two-byte too, though all of it is Latin-1.
  return Buffer.from(escaped, 'latin1').toString('latin1');
}

/** The rows made from `sources` as COPY's lines, `ROWS_PER_PIECE` to a piece. */
function* copyLines<S>(
  sources: readonly S[],
  toRow: (source: S) => Readonly<Record<string, unknown>>,
  columns: readonly string[],
): Generator<string> {
  for (let from = 0; from < sources.length; from += ROWS_PER_PIECE) {
    const lines = sources.slice(from, from + ROWS_PER_PIECE).map((source) => {
      const row = toRow(source);
      return columns.map((c) => copyValue(row[c])).join('\t');
    });
    yield `${lines.join('\n')}\n`;
  }
}

/**
 * Inserts rows into a table, in the caller's transaction, checked by every constraint and
 * trigger as any insert is: the rows as they are, or made from `sources` by `toRow`. Every row
 * has the first row's columns, each with a value (undefined goes in as null, not as the column's
 * default). Many rows go in through one `copy … from stdin`, each made as COPY reads its input
 * (several times faster than INSERTs of a few hundred rows), a few as one INSERT.
 */
export function insertRows<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly NewRow<T>[],
): Promise<void>;
export function insertRows<T extends keyof Database, S>(
  trx: Transaction<Database>,
  table: T,
  sources: readonly S[],
  toRow: (source: S) => NewRow<T>,
): Promise<void>;
export async function insertRows<T extends keyof Database, S>(
  trx: Transaction<Database>,
  table: T,
  sources: readonly S[],
  toRow = (source: S) => source as NewRow<T>,
): Promise<void> {
  const [first] = sources;
  if (first === undefined) return;
  if (sources.length < COPY_FROM_ROWS) {
    await trx.insertInto(table).values(sources.map(toRow)).execute();
    return;
  }
  const columns = Object.keys(toRow(first));
  const names = columns.map((c) => `"${c}"`).join(', ');
  const input = new CopyInput(copyLines(sources, toRow, columns));
  await trx.executeQuery(CompiledQuery.raw(`copy "${table}" (${names}) from stdin`, [input]));
}
