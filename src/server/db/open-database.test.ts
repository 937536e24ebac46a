import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { openDatabase, type OpenDatabase } from './open-database';
import { postgresForTests } from './postgres-for-tests';

const postgres = postgresForTests();

describe.skipIf(postgres.skipReason !== null)('a pool of PostgreSQL connections', () => {
  let database: OpenDatabase & { url: string };
  beforeAll(async () => {
    database = await postgres.open();
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  test('outlives its idle connections being ended by the server, and serves the next query', async () => {
    const pool = await openDatabase({ url: database.url, poolSize: 2 });
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const backend = sql<{ pid: number }>`select pg_backend_pid() as pid`;
      const [{ pid } = { pid: 0 }] = (await backend.execute(pool.db)).rows;
      // Ended from another connection, as an administrator or a restart would.
      await sql`select pg_terminate_backend(${pid})`.execute(database.db);
      await expect.poll(() => warned.mock.calls.length).toBeGreaterThan(0);
      expect(String(warned.mock.calls[0]?.[0])).toContain('An idle PostgreSQL connection ended');
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(pool.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      warned.mockRestore();
      await pool.close();
    }
  });
});
