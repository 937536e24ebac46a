import { sql } from 'kysely';
import { createGroupCommit } from '../db/group-commit';
import { databaseLocation } from '../db/location';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type OpenDatabase } from '../db/open-database';
import { currentConfig } from '../demo/configure';
import { StartRefused, prepareDemoData } from '../demo/demo-data';
import { defaultMockConfig, readDemoKnobs, writeDemoKnobs, type MockConfig } from '../demo/knobs';
import { openDemoNcmec } from '../demo/ncmec/demo-ncmec-access';
import { demoUsers } from '../directory/directory';
import { directoryMediaStore, mediaDirectory } from '../media/media-store';
import type { NcmecAccess } from '../ncmec/ncmec-settings';
import { startFilingWorker } from '../reports/filing-worker';
import type { ServerContext } from '../server-context';
import { builtConsoleDir } from './console-dir';
import { createHttpApp } from './http-app';
import { listen } from './listen';
import { isDemoMode, productionStartRefusal } from './production-start';
import { reviewSecret } from './review-secret';
import type { StartOptions } from './start-options';

export interface RunningServer {
  port: number;
  context: ServerContext;
  database: OpenDatabase;
  /** What the start did with the demo data. */
  demoData: 'seeded' | 'kept';
  /** The configuration in force at start. */
  config: MockConfig;
  close(): Promise<void>;
}

/** Starts of several instances on one PostgreSQL database seed one at a time. */
async function oneStartAtATime<T>(database: OpenDatabase, run: () => Promise<T>): Promise<T> {
  if (database.engine !== 'postgresql') return run();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext('verity.start'))`.execute(connection);
    try {
      return await run();
    } finally {
      await sql`select pg_advisory_unlock(hashtext('verity.start'))`.execute(connection);
    }
  });
}

/**
 * The demo's NCMEC, in-process, its own record beside the data directory; the faults set with
 * `/__mock/config` read as each call to it is made, whichever instance set them.
 */
function demoNcmec(db: OpenDatabase['db'], env: NodeJS.ProcessEnv): NcmecAccess {
  let faults: readonly string[] = [];
  const { access } = openDemoNcmec({
    dataDir: env.VERITY_DATA_DIR ?? '.verity',
    now: () => new Date(),
    faults: () => faults,
  });
  if (access.kind !== 'ready') return access;
  return {
    ...access,
    fetch: async (request) => {
      faults = (await readDemoKnobs(db)).faults;
      return access.fetch(request);
    },
  };
}

/**
 * Starts the server: refuses outside demo mode (saying what is missing); opens the database
 * (`DATABASE_URL`, else PGlite under `VERITY_DATA_DIR`), migrates it, readies the demo data,
 * and listens. Throws `StartRefused` when the data found does not fit the options.
 */
export async function startServer(
  options: StartOptions & {
    consoleDir?: string;
    /**
     * PGlite only, for tests: a new data directory starts from this tarball of a cluster (made
     * once) rather than creating one, which takes seconds.
     */
    snapshot?: Blob;
  },
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServer> {
  if (!isDemoMode(env)) throw new StartRefused(productionStartRefusal());
  const location = databaseLocation(env);
  const where =
    'url' in location ? 'The PostgreSQL database' : `The data directory ${location.dataDir}`;
  const mediaDir = mediaDirectory(env);
  const database = await openDatabase(
    'url' in location || !options.snapshot ? location : { ...location, snapshot: options.snapshot },
  );
  try {
    const { db } = database;
    await migrateToLatest(db);
    const start: MockConfig = { ...defaultMockConfig, ...options.config };
    const demoData = await oneStartAtATime(database, async () => {
      const done = await prepareDemoData(database, {
        start,
        explicit: options.config,
        reset: options.reset,
        now: new Date(),
        where,
        mediaDir,
      });
      if (done === 'kept') {
        const { latency, leaseSeconds } = options.config;
        const knobs = await readDemoKnobs(db);
        await writeDemoKnobs(db, {
          ...knobs,
          ...(latency === undefined ? {} : { latency }),
          ...(leaseSeconds === undefined ? {} : { leaseSeconds }),
        });
      }
      return done;
    });
    const knobs = await readDemoKnobs(db);
    const ncmec = demoNcmec(db, env);
    const context: ServerContext = {
      database,
      transactions: createGroupCommit(db),
      now: () => new Date(),
      sessionLimits: { idleMinutes: start.sessionIdleMinutes, maxHours: start.sessionMaxHours },
      review: {
        leaseSeconds: knobs.leaseSeconds,
        maxHeld: start.maxHeld,
        reviewSecret: await reviewSecret(db, env.VERITY_REVIEW_SECRET),
      },
      demoUsers,
      ncmec,
      media: directoryMediaStore(mediaDir),
      mediaDir,
    };
    const filing = startFilingWorker(context);
    const app = createHttpApp({
      context,
      consoleDir: options.apiOnly ? null : (options.consoleDir ?? builtConsoleDir()),
      demo: { start },
    });
    const config = await currentConfig(context, start);
    const listening = await listen(app, options);
    // PGlite has no autovacuum: each start vacuums once it serves (requests wait meanwhile).
    // Until it is done, the planner and the index-only scans work from what the last one left.
    // Closing waits for it: a vacuum is not interrupted.
    const vacuumed = (database.vacuum?.() ?? Promise.resolve()).catch((error: unknown) => {
      console.warn('The embedded database was not vacuumed:', error);
    });
    return {
      port: listening.port,
      context,
      database,
      demoData,
      config,
      async close() {
        await listening.close();
        await vacuumed;
        await filing.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
