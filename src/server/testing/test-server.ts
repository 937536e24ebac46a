import type { Hono } from 'hono';
import { ACTING_USER_HEADER, CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import type { User } from '../../api/schemas/user';
import { createServerApp } from '../app';
import { migrateToLatest } from '../db/migrate';
import { openDatabase, type Engine, type OpenDatabase } from '../db/open-database';
import { postgresForTests } from '../db/postgres-for-tests';
import { seedDemoData, type DemoDataOptions } from '../demo/seed';
import { demoUsers } from '../directory/directory';
import type { ServerContext } from '../server-context';

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
  /** The server's clock: a test moves it by assigning `clock.now`. */
  clock: { now: Date };
  call(path: string, init?: RequestInit): Promise<Response>;
  signIn(userId: string): Promise<TestClient>;
  /** Back to the seeded data and TEST_NOW (PGlite only): what a test changed is gone. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const snapshots = new Map<string, Promise<Blob>>();
const postgres = postgresForTests();

/** Why tests on PostgreSQL are skipped here (its lane's variable is not set), or null. */
export const postgresSkipReason = postgres.skipReason;

/** The seeded demo data, migrated, as a PGlite snapshot: made once per worker per options. */
function seededSnapshot(options: DemoDataOptions): Promise<Blob> {
  const key = JSON.stringify(options);
  let snapshot = snapshots.get(key);
  if (!snapshot) {
    snapshot = (async () => {
      const database = await openDatabase({ dataDir: null });
      await migrateToLatest(database.db);
      await seedDemoData(database.db, options);
      const blob = await (database.snapshot?.() ?? Promise.reject(new Error('not PGlite')));
      await database.close();
      return blob;
    })();
    snapshots.set(key, snapshot);
  }
  return snapshot;
}

async function seededDatabase(engine: Engine, data: DemoDataOptions): Promise<OpenDatabase> {
  if (engine === 'pglite')
    return openDatabase({ dataDir: null, snapshot: await seededSnapshot(data), rewindable: true });
  const database = await postgres.open();
  await migrateToLatest(database.db);
  await seedDemoData(database.db, data);
  return database;
}

/**
 * A server holding the seeded demo data (300 items, seed 1, at TEST_NOW unless told otherwise):
 * on an in-memory PGlite opened from a snapshot made once per worker (no port, no files), or on a
 * throwaway database of the PostgreSQL lane (`engine: 'postgresql'`; see `postgresSkipReason`).
 */
export async function openTestServer(
  options: Partial<DemoDataOptions> &
    Partial<Pick<ServerContext, 'review'>> & { engine?: Engine } = {},
): Promise<TestServer> {
  const clock = { now: options.now ?? TEST_NOW };
  const data: DemoDataOptions = {
    seed: options.seed ?? 1,
    items: options.items ?? 300,
    auditEvents: options.auditEvents ?? 0,
    leaseSeconds: options.leaseSeconds ?? 300,
    now: clock.now,
  };
  const database = await seededDatabase(options.engine ?? 'pglite', data);
  const context: ServerContext = {
    database,
    now: () => clock.now,
    sessionLimits: { idleMinutes: 30, maxHours: 12 },
    review: options.review ?? {
      leaseSeconds: data.leaseSeconds,
      maxHeld: 5,
      reviewSecret: 'test-review-secret',
    },
    demoUsers,
  };
  const app = createServerApp(context);
  const call = (path: string, init: RequestInit = {}) =>
    Promise.resolve(app.fetch(new Request(`http://127.0.0.1:4000${path}`, init)));
  return {
    app,
    database,
    context,
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
    async reset() {
      if (!database.rewind) throw new Error('Only a test server on PGlite resets.');
      await database.rewind();
      clock.now = data.now;
    },
    close: () => database.close(),
  };
}
