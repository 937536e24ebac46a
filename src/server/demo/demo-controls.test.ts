import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { ErrorBody } from '../../api/schemas/common';
import { ItemDetail, RevealGrant } from '../../api/schemas/decision';
import { ExposureShift } from '../../api/schemas/wellness';
import { preservationDeadline } from '../../domain/preservation';
import { pastThreshold } from '../../domain/signal-threshold';
import { z } from '../../lib/zod';
import { clusterMemberIds } from '../review/cluster-members';
import { demoCall } from '../testing/demo-app';
import { filingKit } from '../testing/filing';
import { openTestServer, type TestServer } from '../testing/test-server';

// The demo's controls besides its knobs, on the server in demo mode, acting on its database.
let server: TestServer;
let call: (path: string, init?: RequestInit) => Promise<Response>;
const DAY = 86_400_000;

beforeAll(async () => {
  server = await openTestServer();
  call = demoCall(server);
}, 120_000);
afterEach(() => server.reset());
afterAll(() => server.close());

/** A POST to a control, as JSON unless `type` says otherwise, from the browser holding `cookie`. */
const post = (path: string, body: unknown, cookie = '', type = 'application/json') =>
  call(path, {
    method: 'POST',
    headers: { 'Content-Type': type, [CSRF_HEADER]: CSRF_VALUE, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const errorCode = async (response: Response) => ErrorBody.parse(await response.json()).error.code;

test('/__mock/session-age expires only the calling browser’s session, JSON only', async () => {
  const aged = await server.signIn('usr_ana');
  const other = await server.signIn('usr_ana');
  const age = (body: unknown, cookie?: string, type?: string) =>
    post('/__mock/session-age', body, cookie, type);
  expect((await age({ minutes: 30 }, aged.cookie, 'text/plain')).status).toBe(415);
  expect((await age({ minutes: 0 }, aged.cookie)).status).toBe(400);
  expect((await age({ minutes: 30 })).status).toBe(404);
  const done = await age({ minutes: 30 }, aged.cookie);
  expect(done.status).toBe(200);
  expect(await done.json()).toEqual({ aged: 30 });
  const refused = await aged.get('/api/queues');
  expect(refused.status).toBe(401);
  expect(await errorCode(refused)).toBe('session_expired');
  expect((await other.get('/api/queues')).status).toBe(200);
  // An ended session is no longer there to age.
  expect((await age({ minutes: 30 }, aged.cookie)).status).toBe(404);
});

test('/__mock/report-age moves a filed report’s filing back, its deadline with it', async () => {
  const kit = await filingKit(server);
  const approved = await kit.approvedReport();
  await kit.file(approved);
  const filed = await kit.settled(approved.id);
  const age = (body: unknown, type?: string) => post('/__mock/report-age', body, '', type);
  expect((await age({ reportId: approved.id, days: 340 }, 'text/plain')).status).toBe(415);
  const done = await age({ reportId: approved.id, days: 340 });
  expect(done.status).toBe(200);
  expect(await done.json()).toEqual({ reportId: approved.id, aged: 340 });
  const aged = await kit.getReport(approved.id);
  const filedAt = new Date(Date.parse(filed.filed?.filedAt ?? '') - 340 * DAY).toISOString();
  expect(aged.filed).toEqual({
    ncmecReportId: filed.filed?.ncmecReportId,
    filedAt,
    preservationDeadline: preservationDeadline(filedAt),
  });
  const startedAt = Date.parse(filed.filing?.startedAt ?? '');
  expect(Date.parse(aged.filing?.startedAt ?? '')).toBe(startedAt - 340 * DAY);
  expect(aged.filing?.steps.map((s) => s.at && Date.parse(s.at) + 340 * DAY)).toEqual(
    filed.filing?.steps.map((s) => s.at && Date.parse(s.at)),
  );
  expect((await age({ reportId: 'rpt_99999', days: 1 })).status).toBe(404);
  const draft = (await kit.listReports(kit.sasha, '&status=draft')).reports[0];
  expect((await age({ reportId: draft?.id, days: 1 })).status).toBe(404);
  expect((await age({ reportId: approved.id, days: 0 })).status).toBe(400);
}, 60_000);

test('/__mock/reveal-age moves only the caller’s reveals still showing back in time', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const { id: item } = await server.database.db
    .selectFrom('items')
    .select('id')
    .where('hash_only', '=', false)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const reveal = async (client: typeof ana) =>
    RevealGrant.parse(await (await client.send('POST', `/api/items/${item}/reveal`)).json());
  await reveal(ana);
  await reveal(ben);
  const ended = await reveal(ana);
  await ana.send('POST', `/api/items/${item}/reveal/${ended.revealId}/end`, { reason: 'timeout' });

  expect((await post('/__mock/reveal-age', { seconds: 60 }, ana.cookie, 'text/plain')).status).toBe(
    415,
  );
  const aged = await post('/__mock/reveal-age', { seconds: 60 }, ana.cookie);
  expect(await aged.json()).toEqual({ aged: 1 });
  const starts = await server.database.db
    .selectFrom('reveals')
    .select(['user_id', 'started_at', 'ended_at'])
    .execute();
  const secondsAgo = (at: Date) => (server.clock.now.getTime() - at.getTime()) / 1000;
  expect(
    starts.map((r) => [r.user_id, r.ended_at === null, secondsAgo(r.started_at)]).sort(),
  ).toEqual([
    ['usr_ana', false, 0],
    ['usr_ana', true, 60],
    ['usr_ben', true, 0],
  ]);
  // Still showing: counted until now, at most the re-blur time.
  const shift = ExposureShift.parse(
    await (await ana.get('/api/users/usr_ana/exposure-shift')).json(),
  );
  expect(shift.revealedSeconds).toBe(10);
  expect((await post('/__mock/reveal-age', { seconds: 60 })).status).toBe(404);
  expect((await post('/__mock/reveal-age', { seconds: 0 }, ana.cookie)).status).toBe(400);
});

test('/__mock/pending-cluster finds a free pending item with that many free pending others', async () => {
  // As the browser test asks: two others, in 2000 items.
  expect((await post('/__mock/config', { items: 2000 })).status).toBe(200);
  const found = await call('/__mock/pending-cluster?others=2');
  expect(found.status).toBe(200);
  const { itemId } = z.object({ itemId: z.string() }).parse(await found.json());
  const members = [itemId, ...(await clusterMemberIds(server.database.db, itemId))];
  const free = await server.database.db
    .selectFrom('items')
    .leftJoin('claims', 'claims.item_id', 'items.id')
    .select('items.id')
    .where('items.id', 'in', members)
    .where('items.status', '=', 'pending')
    .where('claims.item_id', 'is', null)
    .execute();
  expect(free.map((r) => r.id)).toContain(itemId);
  expect(free.length).toBeGreaterThanOrEqual(3);
  expect((await call('/__mock/pending-cluster')).status).toBe(200);
  const none = await call('/__mock/pending-cluster?others=5000');
  expect(none.status).toBe(404);
  expect(ErrorBody.parse(await none.json()).error.message).toBe('No pending cluster of 5001.');
  expect((await call('/__mock/pending-cluster?others=many')).status).toBe(400);
  expect((await call('/__mock/pending-cluster', { method: 'POST' })).status).toBe(404);
}, 60_000);

test('/__mock/past-threshold-signal moves one free pending PDQ match past its limit, JSON only', async () => {
  expect((await post('/__mock/past-threshold-signal', {}, '', 'text/plain')).status).toBe(415);
  expect((await post('/__mock/past-threshold-signal', [])).status).toBe(400);
  const response = await post('/__mock/past-threshold-signal', {});
  expect(response.status).toBe(200);
  const { itemId } = z.object({ itemId: z.string() }).parse(await response.json());
  const ana = await server.signIn('usr_ana');
  const { item } = ItemDetail.parse(await (await ana.get(`/api/items/${itemId}`)).json());
  const [signal] = item.signals;
  expect(item.status).toBe('pending');
  expect(item.lease).toBeNull();
  expect(signal).toMatchObject({ kind: 'hash_match', algorithm: 'PDQ' });
  expect(signal && pastThreshold(signal)).toBe(true);
  if (signal?.kind === 'hash_match') expect(signal.distance).toBe(signal.maxDistance + 7);
});

test('outside demo mode there are no controls', async () => {
  expect((await server.call('/__mock/pending-cluster')).status).toBe(404);
  const aged = await server.call('/__mock/session-age', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: '{"minutes":30}',
  });
  expect(aged.status).toBe(404);
});
