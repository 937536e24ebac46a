import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

describe('the embedded database in a new data directory', () => {
  test('creates its cluster without keeping the PostgreSQL that created it in memory', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-open-'));
    collectGarbage();
    const before = process.memoryUsage().external;
    const database = await openDatabase({ dataDir });
    try {
      // What a closed PostgreSQL held is freed in two collections: one finds it unreachable, and
      // the second frees what its finalizers then let go.
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 100));
      collectGarbage();
      // One PostgreSQL's memory is about 210 MB; with initdb's kept besides, about 650 MB.
      expect(process.memoryUsage().external - before).toBeLessThan(400e6);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
