import { expect, test } from 'vitest';
import { allEndpoints } from '../api/endpoints/all';
import { openTestServer } from './testing/test-server';

test('the server serves every endpoint of the contract: none falls through to its 404 for unknown routes', async () => {
  const server = await openTestServer();
  try {
    const unserved: string[] = [];
    for (const endpoint of allEndpoints) {
      const path = endpoint.path.replace(/\{\w+\}/g, 'x1');
      const response = await server.call(path, { method: endpoint.method.toUpperCase() });
      const body: unknown = await response.json().catch(() => null);
      const message =
        typeof body === 'object' && body !== null && 'error' in body ? JSON.stringify(body) : '';
      if (message.includes('No such resource'))
        unserved.push(`${endpoint.method} ${endpoint.path}`);
    }
    expect(unserved).toEqual([]);
  } finally {
    await server.close();
  }
}, 120_000);
