import { expect, test } from 'vitest';
import { ApiError } from '../api/api-error';
import { shouldRetry } from './query-client';

const error = (status: number, code = `http_${status}`) =>
  new ApiError({ status, code, message: 'x', endpoint: 'GET /api/queues' });

test('network failures and server errors are retried twice', () => {
  expect(shouldRetry(0, error(0, 'network'))).toBe(true);
  expect(shouldRetry(1, error(503))).toBe(true);
  expect(shouldRetry(2, error(503))).toBe(false);
});

test('client errors and malformed responses are not retried', () => {
  for (const status of [400, 401, 403, 404, 409]) expect(shouldRetry(0, error(status))).toBe(false);
  expect(shouldRetry(0, error(200, 'malformed_response'))).toBe(false);
});
