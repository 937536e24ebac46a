import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { ErrorBody } from '../../api/schemas/common';
import { demoCall } from '../testing/demo-app';
import { openTestServer, type TestServer } from '../testing/test-server';
import { defaultMockConfig, readDemoData } from './knobs';

// The knobs of the demo, as a middleware of the server: what /__mock/config sets holds for every
// app on the database (every instance), as the settings table keeps it.
let server: TestServer;
let call: (path: string, init?: RequestInit) => Promise<Response>;
const json = { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE };

const instance = () => demoCall(server);
const post = (body: unknown, to = call) =>
  to('/__mock/config', { method: 'POST', headers: json, body: JSON.stringify(body) });
const itemCount = async () =>
  (
    await server.database.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  server = await openTestServer();
  call = instance();
}, 120_000);

afterAll(() => server.close());

beforeEach(async () => {
  await post({ latency: 0, faults: [], leaseSeconds: 300 });
});

test('/__mock/config validates knobs and reset regenerates from the start-up configuration', async () => {
  expect((await post({ faults: ['explode:/api'] })).status).toBe(400);
  expect((await post({ items: -1 })).status).toBe(400);
  const changed: unknown = await (await post({ seed: 5, items: 40 })).json();
  expect(changed).toMatchObject({ seed: 5, items: 40 });
  expect(await itemCount()).toBe(40);
  expect(await readDemoData(server.database.db)).toEqual({ seed: 5, items: 40, auditEvents: 0 });
  const reset: unknown = await (await post({ reset: true })).json();
  expect(reset).toMatchObject({ seed: 1, items: 300, faults: [] });
  expect(await itemCount()).toBe(300);
}, 60_000);

test('/__mock/config takes JSON only, so no other site can drive it with a simple form post', async () => {
  const response = await call('/__mock/config', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ latency: 5000 }),
  });
  expect(response.status).toBe(415);
  expect(await (await call('/__mock/config')).json()).toMatchObject({ latency: 0 });
});

test('the session limits are start-up options only: /__mock/config refuses them', async () => {
  expect((await post({ sessionIdleMinutes: 1 })).status).toBe(400);
  expect(await (await call('/__mock/config')).json()).toEqual(defaultMockConfig);
});

test('a 500 fault fails the matching calls of the contract, on every instance, and nothing else', async () => {
  const other = instance();
  expect((await post({ faults: ['500:/api/session'] })).status).toBe(200);
  for (const to of [call, other]) {
    const failed = await to('/api/session');
    expect(failed.status).toBe(500);
    expect(ErrorBody.parse(await failed.json()).error.code).toBe('injected_fault');
  }
  // The knobs themselves, and paths outside the contract, are never faulted.
  expect((await other('/__mock/config')).status).toBe(200);
  expect((await call('/api/session-other')).status).toBe(404);
  expect((await post({ faults: ['500:/api/items/*/decisions'] })).status).toBe(200);
  expect((await call('/api/session')).status).toBe(200);
});

test('a malformed fault answers 200 with a body no schema accepts; errors stay as they are', async () => {
  await post({ faults: ['malformed:/api/session'] });
  const response = await call('/api/session');
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ user: { malformed: true } });
  const refused = await call('/api/session', { method: 'POST', body: '{}' });
  expect(refused.status).toBe(403);
  expect(ErrorBody.parse(await refused.json()).error.code).toBe('csrf');
});

test('latency is added to every call of the contract, and the lease applies from the next call', async () => {
  const other = instance();
  await post({ latency: 300, leaseSeconds: 45 });
  const started = performance.now();
  expect((await other('/api/session')).status).toBe(200);
  expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  expect(server.context.review.leaseSeconds).toBe(45);
  expect(await (await other('/__mock/config')).json()).toMatchObject({
    latency: 300,
    leaseSeconds: 45,
  });
});

test('more audit events than the log holds re-seed the data, padded to that many', async () => {
  const config: unknown = await (await post({ auditEvents: 5000 })).json();
  expect(config).toMatchObject({ auditEvents: 5000, seed: 1, items: 300 });
  const head = await server.database.db
    .selectFrom('audit_head')
    .select('seq')
    .executeTakeFirstOrThrow();
  expect(head.seq).toBeGreaterThanOrEqual(5000);
  // Fewer than it holds: kept as the knob, nothing re-seeded.
  await post({ auditEvents: 10 });
  const after = await server.database.db
    .selectFrom('audit_head')
    .select('seq')
    .executeTakeFirstOrThrow();
  expect(after.seq).toBe(head.seq);
  await post({ reset: true });
}, 60_000);
