import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { SessionState } from '../../api/schemas/session';
import { auditHead } from '../audit/audit-chain';
import { openTestServer, postgresSkipReason } from './test-server';

// The first server of a worker makes its snapshot and draws its media: slow on a busy machine.
test(
  'a test server opens on the seeded demo data, a copy of its own each time',
  { timeout: 120_000 },
  async () => {
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
  },
);

test.skipIf(postgresSkipReason !== null)('the same on PostgreSQL', async () => {
  const server = await openTestServer({ engine: 'postgresql' });
  try {
    const ana = await server.signIn('usr_ana');
    expect(SessionState.parse(await (await ana.get('/api/session')).json()).user?.id).toBe(
      'usr_ana',
    );
  } finally {
    await server.close();
  }
});

test('its media are in a temporary directory of its own, never `.verity/`, removed on close', async () => {
  const server = await openTestServer();
  const { mediaDir } = server;
  expect(resolve(mediaDir).startsWith(resolve(tmpdir()))).toBe(true);
  expect(mediaDir).not.toContain('.verity');
  expect(existsSync(mediaDir)).toBe(true);
  await server.close();
  expect(existsSync(mediaDir)).toBe(false);
});
