import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenDatabase } from './open-database';

/**
 * The variable that names a PostgreSQL server for the tests' PostgreSQL lane. Not `DATABASE_URL`:
 * the rest of the tests keep exercising the embedded default.
 */
export const TEST_POSTGRES_VARIABLE = 'VERITY_TEST_POSTGRES_URL';

/**
 * A throwaway database on the lane's PostgreSQL server, dropped when closed; or why the
 * PostgreSQL tests are skipped (the variable is not set).
 */
export function postgresForTests() {
  const serverUrl = process.env[TEST_POSTGRES_VARIABLE];
  const skipReason = serverUrl
    ? null
    : `${TEST_POSTGRES_VARIABLE} is not set: the PostgreSQL lane is skipped (the embedded database is tested).`;
  async function open(): Promise<OpenDatabase & { url: string }> {
    if (!serverUrl) throw new Error(skipReason ?? '');
    const name = `verity_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    return {
      ...database,
      url: url.toString(),
      async close() {
        await database.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`drop database ${name}`);
        await dropper.end();
      },
    };
  }
  if (skipReason) console.info(skipReason);
  return { skipReason, open };
}
