// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { freePendingItem, holderOf } from '../test/backend-state';
import { configureBackend, mockServer, signInForTest } from '../test/test-backend';
import { setActingUser } from './acting-user';
import { ApiError } from './api-error';
import { apiRequest, buildPath } from './client';
import { endpoints } from './endpoints';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ApiError);
      return error as ApiError;
    },
  );

test('parses a valid response into typed data', async () => {
  await signInForTest('usr_ana');
  const { queues } = await apiRequest(endpoints.listQueues, {});
  expect(queues.length).toBeGreaterThanOrEqual(5);
});

test('a malformed response becomes an ApiError naming the endpoint and the offending field', async () => {
  await signInForTest('usr_ana');
  await configureBackend({ faults: ['malformed:/api/queues'] });
  const error = await failure(apiRequest(endpoints.listQueues, {}));
  expect(error.code).toBe('malformed_response');
  expect(error.field).toBe('queues[0].id');
  expect(error.endpoint).toBe('GET /api/queues');
  expect(error.message).toContain('queues[0].id');
});

test('a 401 becomes an ApiError with the server’s code', async () => {
  const error = await failure(apiRequest(endpoints.listQueues, {}));
  expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
});

test('a 400 carries the failing field the server named', async () => {
  await signInForTest('usr_ana');
  const error = await failure(
    apiRequest(endpoints.listQueueItems, { params: { queueId: 'q-hash' }, query: { limit: 5000 } }),
  );
  expect(error).toMatchObject({ status: 400, code: 'invalid_request', field: 'query.limit' });
});

test('a 5xx without an error body still says what failed', async () => {
  mockServer.use(
    http.get('*/api/queues', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
  );
  await signInForTest('usr_ana');
  const error = await failure(apiRequest(endpoints.listQueues, {}));
  expect(error).toMatchObject({ status: 502, code: 'http_502' });
  expect(error.message).toContain('GET /api/queues');
});

test('no answer at all becomes a network ApiError with status 0', async () => {
  mockServer.use(http.get('*/api/queues', () => HttpResponse.error()));
  const error = await failure(apiRequest(endpoints.listQueues, {}));
  expect(error).toMatchObject({ status: 0, code: 'network' });
});

test('sign-in sends the CSRF header the server requires of state-changing requests', async () => {
  const session = await apiRequest(endpoints.signIn, { body: { userId: 'usr_ben' } });
  expect(session.user?.name).toBe('Ben Okafor');
});

test('path parameters are encoded', () => {
  expect(buildPath('/api/items/{itemId}', { itemId: 'a/b c' })).toBe('/api/items/a%2Fb%20c');
  expect(() => buildPath('/api/items/{itemId}', {})).toThrow(/itemId/);
});

test('a change is made only for the user this tab acts for: under another user’s session it is refused', async () => {
  const item = await freePendingItem();
  setActingUser('usr_ana');
  await signInForTest('usr_ben'); // another tab of this browser signed Ben in
  try {
    const error = await failure(apiRequest(endpoints.claimItem, { params: { itemId: item.id } }));
    expect(error).toMatchObject({ status: 403, code: 'maker_mismatch' });
    expect(await holderOf(item.id)).toBeNull();
  } finally {
    setActingUser(null);
  }
});
