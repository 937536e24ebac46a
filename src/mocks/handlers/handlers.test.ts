import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { ItemDetail } from '../../api/schemas/decision';
import { pastThreshold } from '../../domain/signal-threshold';
import { z } from '../../lib/zod';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';

// These talk HTTP to the mock backend through msw/node, as the console does.
const call = callMock;
const json = { 'Content-Type': 'application/json' };

test('sign-in without the CSRF header is refused and starts no session', async () => {
  const before = testBackend.state.audit.size;
  const response = await call('/api/session', {
    method: 'POST',
    headers: json,
    body: '{"userId":"usr_ana"}',
  });
  expect(response.status).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: 'csrf' } });
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(testBackend.state.audit.size).toBe(before);
});

test('sign-in sets an HttpOnly, SameSite=Strict session cookie and appends session.started', async () => {
  const response = await call('/api/session', {
    method: 'POST',
    headers: { ...json, [CSRF_HEADER]: CSRF_VALUE },
    body: '{"userId":"usr_sasha"}',
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^verity_session=[\w-]{20,};/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  const event = testBackend.state.audit.range(testBackend.state.audit.size, 1)[0];
  expect(event).toMatchObject({
    action: 'session.started',
    actor: { id: 'usr_sasha', role: 'supervisor' },
  });
});

test('sign-in validates its body and names the failing field', async () => {
  const headers = { ...json, [CSRF_HEADER]: CSRF_VALUE };
  const missing = await call('/api/session', { method: 'POST', headers, body: '{}' });
  expect(missing.status).toBe(400);
  expect(await missing.json()).toMatchObject({
    error: { code: 'invalid_request', field: 'body.userId' },
  });
  const unknown = await call('/api/session', {
    method: 'POST',
    headers,
    body: '{"userId":"usr_cho"}',
  });
  expect(unknown.status).toBe(404);
});

test('sign-out ends the session, clears the cookie and appends session.ended', async () => {
  const { cookie } = signInForTest('usr_ben');
  const noGuard = await call('/api/session', { method: 'DELETE', cookie });
  expect(noGuard.status).toBe(403);
  const response = await call('/api/session', {
    method: 'DELETE',
    cookie,
    headers: { [CSRF_HEADER]: CSRF_VALUE },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
  expect(testBackend.state.audit.range(testBackend.state.audit.size, 1)[0]?.action).toBe(
    'session.ended',
  );
  expect((await call('/api/queues', { cookie })).status).toBe(401);
});

test('without a session the API answers 401, and the session endpoint says nobody is signed in', async () => {
  expect((await call('/api/queues')).status).toBe(401);
  expect((await call('/api/items/anything')).status).toBe(401);
  expect(await (await call('/api/session')).json()).toMatchObject({ user: null });
});

test('auditors never receive media: the preview endpoint answers 403', async () => {
  const item = testBackend.state.items.find((i) => i.preview.mode === 'blurred');
  const { cookie } = signInForTest('usr_alex');
  const response = await call(`/api/items/${item?.id}/preview`, { cookie });
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toContain('application/json');
});

test('a blurred preview is a PNG served no-store; a hash-only item has no preview at all', async () => {
  const { cookie } = signInForTest('usr_ana');
  const blurred = testBackend.state.items.find((i) => i.preview.mode === 'blurred');
  const hashOnly = testBackend.state.items.find((i) => i.preview.mode === 'hash_only');
  const image = await call(`/api/items/${blurred?.id}/preview`, { cookie });
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(image.headers.get('cache-control')).toBe('no-store');
  expect([...new Uint8Array(await image.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  expect((await call(`/api/items/${hashOnly?.id}/preview`, { cookie })).status).toBe(404);
});

test('item detail returns the item with its seeded decisions', async () => {
  const { cookie } = signInForTest('usr_alex');
  const decided = testBackend.state.items.find(
    (i) => i.status === 'confirmed' && testBackend.state.decisions.get(i.id)?.length === 2,
  );
  const body = ItemDetail.parse(await (await call(`/api/items/${decided?.id}`, { cookie })).json());
  expect(body.item.id).toBe(decided?.id);
  expect(body.decisions.map((d) => d.stage)).toEqual(['first', 'second']);
});

test('fault knobs: a 500 on a path prefix, and latency', async () => {
  const { cookie } = signInForTest('usr_ana');
  testBackend.configure({ faults: ['500:/api/queues'], latency: 120 });
  const started = performance.now();
  const response = await call('/api/queues', { cookie });
  expect(response.status).toBe(500);
  expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  expect((await call('/api/session', { cookie })).status).toBe(200);
});

test('/__mock/config validates knobs and reset regenerates from the start-up configuration', async () => {
  const post = (body: unknown) =>
    call('/__mock/config', { method: 'POST', headers: json, body: JSON.stringify(body) });
  expect((await post({ faults: ['explode:/api'] })).status).toBe(400);
  expect((await post({ items: -1 })).status).toBe(400);
  const changed: unknown = await (await post({ seed: 5, items: 40 })).json();
  expect(changed).toMatchObject({ seed: 5, items: 40 });
  expect(testBackend.state.items).toHaveLength(40);
  const reset: unknown = await (await post({ reset: true })).json();
  expect(reset).toMatchObject({ seed: 1, items: 300, faults: [] });
  expect(testBackend.state.items).toHaveLength(300);
});

test('signing in over a live session ends it on the record', async () => {
  const { cookie } = signInForTest('usr_ana');
  const response = await call('/api/session', {
    method: 'POST',
    cookie,
    headers: { ...json, [CSRF_HEADER]: CSRF_VALUE },
    body: '{"userId":"usr_ben"}',
  });
  expect(response.status).toBe(200);
  const [ended, started] = testBackend.state.audit.range(testBackend.state.audit.size - 1, 2);
  expect(ended).toMatchObject({
    action: 'session.ended',
    actor: { id: 'usr_ana' },
    detail: { reason: 'replaced' },
  });
  expect(started).toMatchObject({ action: 'session.started', actor: { id: 'usr_ben' } });
  expect((await call('/api/queues', { cookie })).status).toBe(401);
});

test('a malformed session cookie is no session, not a server error', async () => {
  const response = await call('/api/queues', { cookie: 'verity_session=%E0%A4%A' });
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
});

test('/__mock/config takes JSON only, so no other site can drive it with a simple form post', async () => {
  const response = await call('/__mock/config', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ latency: 5000 }),
  });
  expect(response.status).toBe(415);
  expect(testBackend.config.latency).toBe(0);
});

test('showing an item is recorded as item.viewed for the viewer; reading it alone is not', async () => {
  const { cookie } = signInForTest('usr_alex');
  const item = testBackend.state.items[0];
  const before = testBackend.state.audit.size;
  expect((await call(`/api/items/${item?.id}`, { cookie })).status).toBe(200);
  expect(testBackend.state.audit.size).toBe(before);
  const recorded = await call(`/api/items/${item?.id}/views`, {
    method: 'POST',
    cookie,
    headers: { [CSRF_HEADER]: CSRF_VALUE },
  });
  expect(recorded.status).toBe(200);
  const event = testBackend.state.audit.range(testBackend.state.audit.size, 1)[0];
  expect(event).toMatchObject({
    action: 'item.viewed',
    actor: { id: 'usr_alex', role: 'auditor' },
    subject: { type: 'item', id: item?.id },
  });
});

test('/__mock/past-threshold-signal moves one free pending PDQ match past its limit, JSON only', async () => {
  expect((await call('/__mock/past-threshold-signal', { method: 'POST', body: '{}' })).status).toBe(
    415,
  );
  const response = await call('/__mock/past-threshold-signal', {
    method: 'POST',
    headers: json,
    body: '{}',
  });
  expect(response.status).toBe(200);
  const { itemId } = z.object({ itemId: z.string() }).parse(await response.json());
  const [signal] = testBackend.state.itemsById.get(itemId)?.signals ?? [];
  expect(signal && pastThreshold(signal)).toBe(true);
});
