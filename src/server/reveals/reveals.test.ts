import { afterAll, beforeAll, expect, test } from 'vitest';
import { RevealEnded, RevealGrant } from '../../api/schemas/decision';
import { eventsOf } from '../testing/audit-events';
import { ExposureShift } from '../../api/schemas/wellness';
import { blurredItemId } from '../testing/test-media';
import { openTestServer, postgresSkipReason, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(() => server.close());

/** A blurred item: one with media. */
const blurred = () => blurredItemId(server.database.db);
const events = (action: string) => eventsOf(server.database.db, action);

test('a reveal is audited and grants a same-origin URL that works exactly once, no-store', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await blurred();
  const grant = RevealGrant.parse(
    await (await ana.send('POST', `/api/items/${item}/reveal`)).json(),
  );
  expect((await events('media.revealed')).at(-1)).toMatchObject({
    subject: { id: item },
    detail: { revealId: grant.revealId },
  });
  const first = await ana.get(grant.url);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toBe('image/png');
  expect(first.headers.get('cache-control')).toBe('no-store');
  expect((await ana.get(grant.url)).status).toBe(404);
});

test('a reveal URL is the revealer’s own, and expires', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const item = await blurred();
  const grant = RevealGrant.parse(
    await (await ana.send('POST', `/api/items/${item}/reveal`)).json(),
  );
  expect((await ben.get(grant.url)).status).toBe(404);
  await server.database.db
    .updateTable('reveals')
    .set({ url_expires_at: new Date(server.clock.now.getTime() - 1) })
    .where('id', '=', grant.revealId)
    .execute();
  expect((await ana.get(grant.url)).status).toBe(404);
});

test('the end of a reveal is recorded once, with its duration and reason', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await blurred();
  const grant = RevealGrant.parse(
    await (await ana.send('POST', `/api/items/${item}/reveal`)).json(),
  );
  const end = () =>
    ana.send('POST', `/api/items/${item}/reveal/${grant.revealId}/end`, { reason: 'timeout' });
  const ended = RevealEnded.parse(await (await end()).json());
  expect(ended.durationMs).toBeGreaterThanOrEqual(0);
  await end();
  const reblurred = (await events('media.reblurred')).filter(
    (e) => e.detail.revealId === grant.revealId,
  );
  expect(reblurred).toHaveLength(1);
  expect(reblurred[0]?.detail).toMatchObject({ reason: 'timeout' });
});

test('hash-only items have nothing to reveal, and auditors may not reveal', async () => {
  const ana = await server.signIn('usr_ana');
  const hashOnly = await server.database.db
    .selectFrom('items')
    .select('id')
    .where('hash_only', '=', true)
    .executeTakeFirstOrThrow();
  expect((await ana.send('POST', `/api/items/${hashOnly.id}/reveal`)).status).toBe(404);
  const auditor = await server.signIn('usr_alex');
  expect((await auditor.send('POST', `/api/items/${await blurred()}/reveal`)).status).toBe(403);
});

test('a refused reveal is on the record, with who tried and why, like a refused claim or decision', async () => {
  const auditor = await server.signIn('usr_alex');
  const item = await blurred();
  expect((await auditor.send('POST', `/api/items/${item}/reveal`)).status).toBe(403);
  expect((await events('media.reveal_refused')).at(-1)).toMatchObject({
    actor: { id: 'usr_alex', role: 'auditor' },
    subject: { type: 'item', id: item },
    detail: { status: 403, refusal: 'forbidden' },
  });
});

test('the served original is the media store’s file, and its serving is on the record', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await blurred();
  const grant = RevealGrant.parse(
    await (await ana.send('POST', `/api/items/${item}/reveal`)).json(),
  );
  const { sha256 } = await server.database.db
    .selectFrom('items')
    .select('sha256')
    .where('id', '=', item)
    .executeTakeFirstOrThrow();
  const served = new Uint8Array(await (await ana.get(grant.url)).arrayBuffer());
  expect(served).toEqual(await server.context.media.original(sha256));
  expect((await events('media.served')).at(-1)).toMatchObject({
    actor: { id: 'usr_ana' },
    subject: { id: item },
    detail: { revealId: grant.revealId },
  });
});

test('a reveal URL whose original the store lacks serves nothing and stays unspent', async () => {
  const ana = await server.signIn('usr_ana');
  const item = await blurred();
  const grant = RevealGrant.parse(
    await (await ana.send('POST', `/api/items/${item}/reveal`)).json(),
  );
  const served = (await events('media.served')).length;
  const media = server.context.media;
  server.context.media = { ...media, original: () => Promise.resolve(null) };
  try {
    expect((await ana.get(grant.url)).status).toBe(404);
  } finally {
    server.context.media = media;
  }
  expect(await events('media.served')).toHaveLength(served);
  expect((await ana.get(grant.url)).status).toBe(200);
});

test.skipIf(postgresSkipReason !== null)(
  'on PostgreSQL: a reveal URL works once, its end is recorded, the shift counts it',
  { timeout: 120_000 },
  async () => {
    const pg = await openTestServer({ engine: 'postgresql' });
    try {
      const ana = await pg.signIn('usr_ana');
      const { id } = await pg.database.db
        .selectFrom('items')
        .select('id')
        .where('hash_only', '=', false)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const grant = RevealGrant.parse(
        await (await ana.send('POST', `/api/items/${id}/reveal`)).json(),
      );
      expect((await ana.get(grant.url)).status).toBe(200);
      expect((await ana.get(grant.url)).status).toBe(404);
      pg.clock.now = new Date(pg.clock.now.getTime() + 4000);
      const end = await ana.send('POST', `/api/items/${id}/reveal/${grant.revealId}/end`, {
        reason: 'manual',
      });
      expect(RevealEnded.parse(await end.json()).durationMs).toBe(4000);
      const shift = ExposureShift.parse(
        await (await ana.get('/api/users/usr_ana/exposure-shift')).json(),
      );
      expect(shift).toMatchObject({ reveals: 1, revealedSeconds: 4 });
      const dismissed = await ana.send(
        'POST',
        '/api/users/usr_ana/exposure-shift/break-dismissal',
        {
          shiftStartedAt: shift.startedAt,
        },
      );
      expect(ExposureShift.parse(await dismissed.json()).breakDismissed).toBe(true);
    } finally {
      await pg.close();
    }
  },
);
