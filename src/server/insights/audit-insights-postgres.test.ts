import { afterAll, beforeAll, expect, test } from 'vitest';
import { AuditPage } from '../../api/schemas/audit';
import { Insights } from '../../api/schemas/insights';
import { openTestServer, postgresSkipReason, type TestServer } from '../testing/test-server';

/**
 * The audit page's filters (JSONB expressions, instants) and the insights' counts in SQL (epoch
 * arithmetic, filtered aggregates) answer on PostgreSQL 15 as on PGlite.
 */

const skip = postgresSkipReason !== null;
let servers: TestServer[] = [];
beforeAll(async () => {
  if (skip) return;
  servers = await Promise.all([
    openTestServer({ auditEvents: 1500 }),
    openTestServer({ auditEvents: 1500, engine: 'postgresql' }),
  ]);
}, 240_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const on = async (server: TestServer, userId: string, path: string): Promise<unknown> =>
  (await (await server.signIn(userId)).get(path)).json();

test.skipIf(skip)(
  'the same pages and insights on PGlite and on PostgreSQL',
  async () => {
    const [pglite, postgresql] = servers;
    if (!pglite || !postgresql) throw new Error('the servers did not open');
    for (const query of [
      'actorId=usr_cho&role=analyst&from=2026-03-01T12:00:00Z&limit=50',
      'action=item.decided&offset=3&limit=20',
      'to=2026-03-02T11:00:00.000Z&offset=100&limit=10',
    ]) {
      const [a, b] = await Promise.all(
        [pglite, postgresql].map(async (s) =>
          AuditPage.parse(await on(s, 'usr_alex', `/api/audit?${query}`)),
        ),
      );
      expect(b?.events).toEqual(a?.events);
      expect(b).toMatchObject({ total: a?.total, seqRange: a?.seqRange });
    }
    const [a, b] = await Promise.all(
      [pglite, postgresql].map(async (s) =>
        Insights.parse(await on(s, 'usr_sasha', '/api/insights')),
      ),
    );
    expect(b).toEqual(a);
  },
  120_000,
);
