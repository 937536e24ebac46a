import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { ErrorBody } from '../../api/schemas/common';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';
import { bodyLimit } from '../../server/http/body-limit';
import { endpoints } from '../../api/endpoints';

// The handlers themselves (msw/node, as Vitest and the console's tests reach them): a malformed
// request is answered by `route()` with the contract's error, not thrown inside MSW.
const json = { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE };

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = ErrorBody.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/node_modules|\.ts:|\bat /);
}

test('a path parameter that is not valid percent-encoded UTF-8 is a 400 naming it', async () => {
  const { cookie } = signInForTest('usr_sasha');
  for (const path of ['/api/items/%C0%AE%C0%AE', '/api/items/%E0%A4%A/cluster', '/api/items/%']) {
    const response = await callMock(path, { cookie });
    await expectError(response, 400, 'invalid_request');
  }
  const named = await callMock('/api/reports/%FF/report.xml', { cookie });
  expect(await named.json()).toMatchObject({ error: { field: 'path.reportId' } });
});

test('a query with a bad encoding or a NUL is a 400, even where the endpoint reads no query', async () => {
  const { cookie } = signInForTest('usr_sasha');
  await expectError(await callMock('/api/items?q=%C0', { cookie }), 400, 'invalid_request');
  await expectError(await callMock('/api/items?q=%00', { cookie }), 400, 'invalid_request');
  await expectError(await callMock('/api/session?%=1'), 400, 'invalid_request');
  await expectError(await callMock('/__mock/config?x=%E0%A4'), 400, 'invalid_request');
});

test('an overlong, NUL-bearing or unsafe id is a 400, not a 404', async () => {
  const { cookie } = signInForTest('usr_sasha');
  for (const id of ['a'.repeat(129), 'itm%00x', '..%2F..', 'itm%20x', '%E2%80%AEx']) {
    await expectError(await callMock(`/api/items/${id}`, { cookie }), 400, 'invalid_request');
  }
  await expectError(await callMock(`/api/items/${'a'.repeat(128)}`, { cookie }), 404, 'not_found');
});

test('a body holding U+0000 anywhere, in a value or a key, is a 400 naming where', async () => {
  const { cookie } = signInForTest('usr_sasha');
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no pending item');
  const post = (body: string) =>
    callMock(`/api/items/${item.id}/decisions`, {
      method: 'POST',
      cookie,
      headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
      body,
    });
  const decision = (note: string) =>
    JSON.stringify({
      verdict: { kind: 'escalate', reason: 'Needs a second look' },
      note,
      itemVersion: item.version,
      idempotencyKey: 'nul-0001',
      madeBy: 'usr_sasha',
    });
  const refused = await post(decision('null\u0000byte'));
  await expectError(refused, 400, 'invalid_request');
  expect(await post(decision('x').replace('"note"', '"no\\u0000te"'))).toMatchObject({
    status: 400,
  });
  expect(item.status).toBe('pending');
  // The same text without its NUL is recorded.
  expect((await post(decision('null byte'))).status).toBe(200);
});

test('no generated record holds U+0000', () => {
  expect(JSON.stringify(testBackend.state.items)).not.toContain('\\u0000');
});

test('a body that is not application/json is a 415; a bodiless POST needs no Content-Type', async () => {
  const { cookie } = signInForTest('usr_sasha');
  const signIn = (headers: Record<string, string>) =>
    callMock('/api/session', { method: 'POST', headers, body: '{"userId":"usr_ana"}' });
  await expectError(await signIn({ [CSRF_HEADER]: CSRF_VALUE }), 415, 'unsupported_media_type');
  await expectError(
    await signIn({ [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'text/plain' }),
    415,
    'unsupported_media_type',
  );
  const textToClaim = await callMock('/api/items/itm_x/claim', {
    method: 'POST',
    cookie,
    headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'text/plain' },
    body: 'hello',
  });
  await expectError(textToClaim, 415, 'unsupported_media_type');
  const bodiless = await callMock('/api/queues/q-escalations/next', {
    method: 'POST',
    cookie,
    headers: { [CSRF_HEADER]: CSRF_VALUE },
  });
  expect(bodiless.status).toBe(200);
});

test('a body over its route’s limit is a 413, counted as it is read', async () => {
  const limit = bodyLimit(endpoints.signIn.body);
  const body = JSON.stringify({ userId: 'a'.repeat(limit) });
  const response = await callMock('/api/session', { method: 'POST', headers: json, body });
  await expectError(response, 413, 'payload_too_large');
  // A stream has no length to check first: the bytes are counted.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body));
      controller.close();
    },
  });
  const streamed = await callMock('/api/session', {
    method: 'POST',
    headers: json,
    body: stream,
    duplex: 'half',
  } as RequestInit);
  await expectError(streamed, 413, 'payload_too_large');
});

test('JSON that does not parse, or is not UTF-8, is a 400', async () => {
  for (const body of ['{"userId":', new Uint8Array([0x7b, 0xff, 0x7d]), '']) {
    const response = await callMock('/api/session', { method: 'POST', headers: json, body });
    await expectError(response, 400, 'invalid_json');
  }
});
