import { expect, test } from 'vitest';
import { SessionState } from '../../api/schemas/session';
import { auditHead } from '../audit/audit-chain';
import { TEST_NOW, openTestServer, postgresSkipReason } from './test-server';

test('a test server opens on the seeded demo data, a copy of its own each time', async () => {
  const first = await openTestServer();
  const second = await openTestServer();
  try {
    const { db } = first.database;
    const items = await db
      .selectFrom('items')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(items.n).toBe(300);
    const decided = await db
      .selectFrom('decisions')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(decided.n).toBeGreaterThan(0);
    const head = await auditHead(db);
    expect(head.seq).toBeGreaterThan(decided.n);
    const ana = await first.signIn('usr_ana');
    expect(SessionState.parse(await (await ana.get('/api/session')).json()).user?.id).toBe(
      'usr_ana',
    );
    // Signing in wrote to the first copy's chain only.
    expect((await auditHead(db)).seq).toBe(head.seq + 1);
    expect((await auditHead(second.database.db)).seq).toBe(head.seq);
  } finally {
    await first.close();
    await second.close();
  }
}, 120_000);

test.skipIf(postgresSkipReason !== null)(
  'the same on PostgreSQL',
  async () => {
    const server = await openTestServer({ engine: 'postgresql' });
    try {
      const ana = await server.signIn('usr_ana');
      expect(SessionState.parse(await (await ana.get('/api/session')).json()).user?.id).toBe(
        'usr_ana',
      );
    } finally {
      await server.close();
    }
  },
  120_000,
);

test('reset takes a test server back to the seeded data, and its clock to where it started', async () => {
  const server = await openTestServer();
  try {
    const { db } = server.database;
    const seeded = await auditHead(db);
    await server.signIn('usr_ana');
    server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    expect((await auditHead(db)).seq).toBe(seeded.seq + 1);
    await server.reset();
    expect(await auditHead(db)).toEqual(seeded);
    expect(server.clock.now).toEqual(TEST_NOW);
    // A refused change rolls back only itself, and the server goes on.
    const ben = await server.signIn('usr_ben');
    expect((await ben.send('POST', '/api/session', { userId: 'usr_nobody' })).status).toBe(404);
    expect((await auditHead(db)).seq).toBe(seeded.seq + 1);
  } finally {
    await server.close();
  }
}, 120_000);
