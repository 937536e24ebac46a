import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { vacuumAndAnalyze } from './bulk-load';
import { PGliteDialect } from './pglite-dialect';
import { withPreparedStatements } from './prepared-statements';
import type { Database } from './tables';

export type Engine = 'pglite' | 'postgresql';

export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: its whole data directory as a tarball, to open copies of it fast (tests). */
  snapshot?: () => Promise<Blob>;
  /** PGlite opened `rewindable` only (tests): back to where it was opened, in milliseconds. */
  rewind?: () => Promise<void>;
  /**
   * PGlite only, which has no autovacuum (and not `rewindable`, as it cannot vacuum inside its
   * open transaction): `vacuumAndAnalyze`, run at each start and after a reseed.
   */
  vacuum?: () => Promise<void>;
}

export type DatabaseLocation =
  /** A PostgreSQL server, by its connection URL. */
  | { url: string; poolSize?: number }
  /**
   * PGlite in this process, its data in a directory; in memory without one, started from a
   * `snapshot` of another when given.
   */
  | { dataDir: string | null; snapshot?: Blob; rewindable?: boolean };

// Counts and sums come back as int8; every one Verity keeps fits a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

/**
 * PGlite in memory, or on its data directory, which holds a cluster once this returns. A cluster
 * it creates in a directory is closed and opened again: creating one runs initdb in a second
 * PostgreSQL in this process, whose memory the first keeps until it is closed (about 450 MB of
 * the 650 MB a first start held before it seeded anything; opened again, 210 MB).
 */
async function openPGlite({
  dataDir,
  snapshot,
}: {
  dataDir: string | null;
  snapshot?: Blob;
}): Promise<PGlite> {
  if (dataDir === null) return PGlite.create(snapshot ? { loadDataDir: snapshot } : {});
  mkdirSync(dataDir, { recursive: true });
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  const pglite = await PGlite.create({ dataDir, ...(snapshot ? { loadDataDir: snapshot } : {}) });
  if (!created || snapshot) return pglite;
  await pglite.close();
  return PGlite.create({ dataDir });
}

/** Opens the database: PostgreSQL through a pool, or PGlite embedded. Does not migrate. */
export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  if ('url' in location) {
    const pool = new pg.Pool({ connectionString: location.url, max: location.poolSize ?? 10 });
    // An idle connection the server ends (a restart, an administrator, a dropped database) is
    // reported here and replaced by the next query; unheard, the report would end the process.
    pool.on('error', (error) => {
      console.warn(`An idle PostgreSQL connection ended: ${error.message}`);
    });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
    });
    return { db, engine: 'postgresql', close: () => db.destroy() };
  }
  const pglite = await openPGlite(location);
  const dialect = new PGliteDialect(pglite, { rewindable: location.rewindable === true });
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    engine: 'pglite',
    close: () => db.destroy(),
    snapshot: () => pglite.dumpDataDir('none'),
    ...(location.rewindable === true
      ? { rewind: () => dialect.rewind() }
      : { vacuum: () => vacuumAndAnalyze(db) }),
  };
}
