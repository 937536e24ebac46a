import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from './open-database';
import { postgresForTests } from './postgres-for-tests';
import type { Database } from './tables';

const postgres = postgresForTests();

describe.skipIf(postgres.skipReason !== null)('prepared statements on PostgreSQL', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await postgres.open();
  });
  afterAll(() => database.close());

  const prepared = (trx: Transaction<Database>) =>
    sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);

  test('a statement with a few parameters is prepared once per connection and runs again bound; a long list and transaction control are not prepared', async () => {
    const statements = await database.db.transaction().execute(async (trx) => {
      for (const n of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`select ${n}::int + 1 as n`.execute(trx);
        expect(rows).toEqual([{ n: n + 1 }]);
      }
      const many = Array.from({ length: 40 }, (_, i) => i);
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from unnest(array[${sql.join(many)}]::int[])`.execute(trx);
      expect(rows).toEqual([{ n: 40 }]);
      return (await prepared(trx)).rows.map((row) => row.statement);
    });
    expect(statements.filter((s) => s.includes('::int + 1 as n'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('unnest'))).toEqual([]);
    expect(statements.filter((s) => /^(begin|commit|savepoint)/i.test(s))).toEqual([]);
  });
});
