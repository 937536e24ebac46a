import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { DecisionResult, NextItem } from '../../api/schemas/decision';
import { ErrorBody } from '../../api/schemas/common';
import { CSRF_HEADER, CSRF_VALUE, ACTING_USER_HEADER } from '../../api/headers';
import { createServerApp } from '../app';
import { openDatabase, type Engine } from '../db/open-database';
import { TEST_POSTGRES_VARIABLE } from '../db/postgres-for-tests';
import { decide, dismiss, freePending } from '../decisions/review-test-kit';
import { openTestServer, postgresSkipReason, type TestServer } from '../testing/test-server';

/**
 * Races, on each engine: "next" claims from several reviewers at once, and one decision sent twice
 * at once. On PostgreSQL the requests go to two server instances (two apps, two pools) on one
 * database, as several processes would.
 */

const reviewers = ['usr_ana', 'usr_ben', 'usr_sasha', 'usr_mira'];

/** A second instance of the server on the same database: its own app and connection pool. */
async function secondInstance(server: TestServer, engine: Engine) {
  if (engine === 'pglite')
    return {
      call: (path: string, init?: RequestInit) => server.call(path, init),
      close: async () => {},
    };
  const { db } = server.database;
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(process.env[TEST_POSTGRES_VARIABLE] ?? '');
  url.pathname = `/${rows[0]?.name ?? ''}`;
  const database = await openDatabase({ url: url.toString() });
  const app = createServerApp({ ...server.context, database });
  return {
    call: (path: string, init: RequestInit = {}) =>
      Promise.resolve(app.fetch(new Request(`http://127.0.0.1:4001${path}`, init))),
    close: () => database.close(),
  };
}

describe.each([
  { engine: 'pglite' as const, skip: false },
  { engine: 'postgresql' as const, skip: postgresSkipReason !== null },
])('races on $engine', ({ engine, skip }) => {
  test.skipIf(skip)(
    'concurrent "next" claims from several reviewers get distinct items, and no one goes over the cap',
    async () => {
      const server = await openTestServer({ engine });
      const other = await secondInstance(server, engine);
      try {
        const { maxHeld } = server.context.review;
        const clients = await Promise.all(reviewers.map((id) => server.signIn(id)));
        const sendNext = (i: number, cookie: string, user: string) =>
          (i % 2 === 0 ? (p: string, init: RequestInit) => server.call(p, init) : other.call)(
            '/api/queues/q-clf-high/next',
            {
              method: 'POST',
              headers: { cookie, [CSRF_HEADER]: CSRF_VALUE, [ACTING_USER_HEADER]: user },
            },
          );
        const heldBefore = await server.database.db
          .selectFrom('claims')
          .select(['holder_id', (eb) => eb.fn.countAll<string>().as('n')])
          .where('expires_at', '>', server.clock.now)
          .groupBy('holder_id')
          .execute();
        const answers = await Promise.all(
          clients.flatMap((client) =>
            Array.from({ length: 8 }, (_, i) =>
              sendNext(i, client.cookie, client.user.id).then(async (response) => ({
                user: client.user.id,
                status: response.status,
                json: (await response.json()) as unknown,
              })),
            ),
          ),
        );
        expect(answers.filter((a) => a.status === 500)).toEqual([]);
        const claimed = answers
          .filter((a) => a.status === 200)
          .map((a) => NextItem.parse(a.json).item)
          .filter((item) => item !== null);
        expect(claimed.length).toBeGreaterThan(0);
        expect(new Set(claimed.map((i) => i.id)).size).toBe(claimed.length);
        for (const refused of answers.filter((a) => a.status !== 200)) {
          expect(refused.status).toBe(409);
          expect(ErrorBody.parse(refused.json).error.code).toBe('hold_limit');
        }
        const held = await server.database.db
          .selectFrom('claims')
          .select(['holder_id', (eb) => eb.fn.countAll<string>().as('n')])
          .where('expires_at', '>', server.clock.now)
          .groupBy('holder_id')
          .execute();
        for (const { holder_id, n } of held) {
          expect(Number(n), holder_id).toBeLessThanOrEqual(maxHeld);
          const before = Number(heldBefore.find((h) => h.holder_id === holder_id)?.n ?? 0);
          const gained = claimed.filter((i) => i.lease?.holderId === holder_id).length;
          expect(Number(n), holder_id).toBe(before + gained);
        }
      } finally {
        await other.close();
        await server.close();
      }
    },
    180_000,
  );

  test.skipIf(skip)(
    'the same decision sent twice at once is recorded once, and both answers name it',
    async () => {
      const server = await openTestServer({ engine });
      const other = await secondInstance(server, engine);
      try {
        const ana = await server.signIn('usr_ana');
        const item = await freePending(server);
        const body = { madeBy: 'usr_ana', ...dismiss(item.version, 'raced-key-0001') };
        const path = `/api/items/${item.id}/decisions`;
        const [first, second] = await Promise.all([
          decide(ana, item.id, body),
          other.call(path, {
            method: 'POST',
            headers: {
              cookie: ana.cookie,
              [CSRF_HEADER]: CSRF_VALUE,
              [ACTING_USER_HEADER]: 'usr_ana',
              'Content-Type': 'application/json',
            },
            body: JSON.stringify(body),
          }),
        ]);
        expect([first.status, second.status]).toEqual([200, 200]);
        const [a, b] = [
          DecisionResult.parse(await first.json()),
          DecisionResult.parse(await second.json()),
        ];
        expect(a.decision).toEqual(b.decision);
        const rows = await server.database.db
          .selectFrom('decisions')
          .select('id')
          .where('item_id', '=', item.id)
          .execute();
        expect(rows).toEqual([{ id: a.decision.id }]);
        const actions = await server.database.db
          .selectFrom('audit_events')
          .select('action')
          .where('subject_id', '=', item.id)
          .where('action', 'in', ['item.decided', 'item.decision_replayed'])
          .orderBy('seq')
          .execute();
        expect(actions.map((e) => e.action)).toEqual(['item.decided', 'item.decision_replayed']);
      } finally {
        await other.close();
        await server.close();
      }
    },
    180_000,
  );
});
