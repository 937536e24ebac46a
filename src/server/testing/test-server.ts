import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { ACTING_USER_HEADER, CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import type { User } from '../../api/schemas/user';
import { createServerApp } from '../app';
import { createGroupCommit } from '../db/group-commit';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type Engine, type OpenDatabase } from '../db/open-database';
import { postgresForTests } from '../db/postgres-for-tests';
import { generateData } from '../demo/generator';
import { seedDemoData, type DemoDataOptions } from '../demo/seed';
import { createDemoNcmec, type DemoNcmec } from '../demo/ncmec/demo-ncmec';
import { demoNcmecAccess } from '../demo/ncmec/demo-ncmec-access';
import type { DemoNcmecStore } from '../demo/ncmec/demo-ncmec-store';
import { defaultMockConfig, readDemoData } from '../demo/knobs';
import { demoUsers } from '../directory/directory';
import { directoryMediaStore } from '../media/media-store';
import type { ServerContext } from '../server-context';
import { demoApp } from './demo-app';
import { cachedPath, runStartedAt } from './test-cache';
import { testClock, type TestClock } from './test-clock';
import { copyMedia, mediaTemplate, restoreMedia } from './test-media';

export const TEST_NOW = new Date('2026-03-02T12:00:00.000Z');

/** A signed-in user's calls to the test server, with the headers the console sends. */
export interface TestClient {
  user: User;
  cookie: string;
  get(path: string): Promise<Response>;
  /** A state-changing call acting for this user: JSON body, CSRF and acting-user headers. */
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Response>;
}

export interface TestServer {
  app: Hono;
  database: OpenDatabase;
  context: ServerContext;
  /** The server's own media directory (a temporary one, removed on close). */
  mediaDir: string;
  /** The server's clock: a test moves it by assigning `clock.now`. */
  clock: TestClock;
  call(path: string, init?: RequestInit): Promise<Response>;
  signIn(userId: string): Promise<TestClient>;
  /** The demo NCMEC filing reaches (unless `ncmec` said otherwise), and its faults, settable. */
  ncmec: { demo: DemoNcmec; faults: string[] };
  /** Back to the seeded data and TEST_NOW (PGlite only): what a test changed is gone. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const postgres = postgresForTests();

/** Why tests on PostgreSQL are skipped here (its lane's variable is not set), or null. */
export const postgresSkipReason = postgres.skipReason;

/** The seeded demo data, migrated, as a PGlite snapshot: made once per test run per options. */
async function seededSnapshot(options: DemoDataOptions): Promise<Blob> {
  const path = await cachedPath(`snapshot ${JSON.stringify(options)}`, async (to) => {
    const database = await openDatabase({ dataDir: null });
    await migrateToLatest(database.db);
    await seedDemoData(database, options);
    const blob = await (database.snapshot?.() ?? Promise.reject(new Error('not PGlite')));
    await database.close();
    await writeFile(to, new Uint8Array(await blob.arrayBuffer()));
  });
  return new Blob([await readFile(path)]);
}

async function seededDatabase(engine: Engine, data: DemoDataOptions): Promise<OpenDatabase> {
  if (engine === 'pglite')
    return openDatabase({ dataDir: null, snapshot: await seededSnapshot(data), rewindable: true });
  const database = await postgres.open();
  await migrateToLatest(database.db);
  await seedDemoData(database, data);
  return database;
}

export type TestServerOptions = Partial<DemoDataOptions> &
  Partial<Pick<ServerContext, 'review' | 'ncmec'>> & {
    engine?: Engine;
    /** Where the demo NCMEC keeps its record: in memory unless given. */
    ncmecStore?: DemoNcmecStore;
    /**
     * `live`: the clock runs with real time from data seeded when the test run started (a
     * browser's countdowns agree with it); otherwise it stands at `now` (TEST_NOW).
     */
    clock?: 'fixed' | 'live';
    /** Serve the demo's knobs (`/__mock/*`) too, as a demo start does. */
    demo?: boolean;
  };

/** The demo data a test server with these options holds. */
const dataOf = (options: TestServerOptions): DemoDataOptions => ({
  seed: options.seed ?? 1,
  items: options.items ?? 300,
  auditEvents: options.auditEvents ?? 0,
  leaseSeconds: options.leaseSeconds ?? 300,
  now: options.now ?? (options.clock === 'live' ? runStartedAt() : TEST_NOW),
});

const mediaOf = (data: DemoDataOptions) =>
  mediaTemplate(JSON.stringify(data), () => generateData(data).items);

/**
 * Seeds the snapshot and draws the media that test servers with these options open from, once
 * for the whole run (a test run's global setup, so that no test's own time goes to it).
 */
export async function prepareTestServer(options: TestServerOptions = {}): Promise<void> {
  const data = dataOf(options);
  await Promise.all([seededSnapshot(data), mediaOf(data)]);
}

/**
 * A server holding the seeded demo data (300 items, seed 1, at TEST_NOW unless told otherwise):
 * on an in-memory PGlite opened from a snapshot seeded once per test run (no port), or on a
 * throwaway database of the PostgreSQL lane (`engine: 'postgresql'`; see `postgresSkipReason`).
 * Its media are in a temporary directory of its own, removed on close: never `.verity/`.
 */
export async function openTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const data = dataOf(options);
  const clock = testClock(data.now, options.clock === 'live');
  const database = await seededDatabase(options.engine ?? 'pglite', data);
  const ncmecFaults: string[] = [];
  const demoNcmec = createDemoNcmec({
    now: () => clock.now,
    faults: () => ncmecFaults,
    ...(options.ncmecStore ? { store: options.ncmecStore } : {}),
  });
  // The demo's media for the same data, drawn once per test run, copied into a directory of its own.
  const template = await mediaOf(data);
  const mediaDir = await copyMedia(template);
  const context: ServerContext = {
    database,
    transactions: createGroupCommit(database.db),
    media: directoryMediaStore(mediaDir),
    mediaDir,
    now: () => clock.now,
    sessionLimits: { idleMinutes: 30, maxHours: 12 },
    review: options.review ?? {
      leaseSeconds: data.leaseSeconds,
      maxHeld: 5,
      reviewSecret: 'test-review-secret',
    },
    demoUsers,
    ncmec: options.ncmec ?? demoNcmecAccess(demoNcmec),
  };
  const openedWith = structuredClone(context.review);
  const app = options.demo
    ? demoApp(context, {
        ...defaultMockConfig,
        seed: data.seed,
        items: data.items,
        leaseSeconds: data.leaseSeconds,
      })
    : createServerApp(context);
  const call = (path: string, init: RequestInit = {}) =>
    Promise.resolve(app.fetch(new Request(`http://127.0.0.1:4000${path}`, init)));
  return {
    app,
    database,
    context,
    mediaDir,
    clock,
    call,
    async signIn(userId) {
      const response = await call('/api/session', {
        method: 'POST',
        headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      const user = demoUsers.find((u) => u.id === userId);
      if (response.status !== 200 || !user) throw new Error(`could not sign in as ${userId}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return {
        user,
        cookie,
        get: (path) => call(path, { headers: { cookie } }),
        send: (method, path, body) =>
          call(path, {
            method,
            headers: {
              cookie,
              [CSRF_HEADER]: CSRF_VALUE,
              [ACTING_USER_HEADER]: user.id,
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            body: body === undefined ? null : JSON.stringify(body),
          }),
      };
    },
    ncmec: { demo: demoNcmec, faults: ncmecFaults },
    async reset() {
      if (!database.rewind) throw new Error('Only a test server on PGlite resets.');
      const stored = options.demo === true ? await readDemoData(database.db) : null;
      await database.rewind();
      clock.rewind();
      Object.assign(context.review, openedWith);
      // The demo's knobs re-seeded other data, and drew its media over these: copied back.
      if (stored && (stored.seed !== data.seed || stored.items !== data.items))
        await restoreMedia(template, mediaDir);
    },
    async close() {
      await database.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
