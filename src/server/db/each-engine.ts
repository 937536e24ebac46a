import { afterAll, beforeAll, describe } from 'vitest';
import { migrateToLatest } from './migrate';
import { openDatabase, type OpenDatabase } from './open-database';
import { postgresForTests } from './postgres-for-tests';

const postgres = postgresForTests();

/**
 * Runs the same tests on each engine, each on a fresh, migrated database of its own: PGlite in
 * memory always, and PostgreSQL when the lane's server is named (else those are skipped, saying why).
 * `database()` is the open database inside a test.
 */
export function describeOnEachEngine(
  title: string,
  tests: (database: () => OpenDatabase, skip: boolean) => void,
) {
  const engines = [
    { engine: 'pglite', open: () => openDatabase({ dataDir: null }), skip: false },
    { engine: 'postgresql', open: () => postgres.open(), skip: postgres.skipReason !== null },
  ];
  describe.each(engines)(`${title} on $engine`, ({ open, skip }) => {
    let opened: OpenDatabase | undefined;
    beforeAll(async () => {
      if (skip) return;
      opened = await open();
      await migrateToLatest(opened.db);
    }, 120_000);
    afterAll(async () => {
      await opened?.close();
    });
    tests(() => {
      if (!opened) throw new Error('the database did not open');
      return opened;
    }, skip);
  });
}
