import { expect, test } from 'vitest';
import { allEndpoints } from '../api/endpoints/all';
import { auditHead } from './audit/audit-chain';
import { blurredItemId } from './testing/test-media';
import { openTestServer } from './testing/test-server';

/**
 * Query values no console sends, at every operation's every query parameter, for a supervisor and
 * an analyst: each is answered as the contract's error or a page, never as the server's own
 * failure (a 500). Numbers past what a database column holds, dates past what a timestamp holds,
 * text that is not a number or a date.
 */
const VALUES = [
  String(2 ** 31),
  String(Number.MAX_SAFE_INTEGER),
  '-1',
  '1e400',
  '%2B275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '%E2%80%AE%3Cb%3E',
  '',
];

test('no query value makes any operation fail on the server', async () => {
  const server = await openTestServer();
  try {
    const [item] = await server.database.db.selectFrom('items').select('id').limit(1).execute();
    const [report] = await server.database.db.selectFrom('reports').select('id').limit(1).execute();
    const path = (template: string) =>
      template
        .replace('{itemId}', item?.id ?? 'itm_x')
        .replace('{reportId}', report?.id ?? 'rpt_x')
        .replace('{queueId}', 'q-hash')
        .replace('{userId}', 'usr_sasha')
        .replace(/\{\w+\}/g, 'x1');
    const failed: string[] = [];
    let sent = 0;
    for (const userId of ['usr_sasha', 'usr_ana']) {
      const client = await server.signIn(userId);
      for (const endpoint of allEndpoints)
        for (const name of Object.keys(endpoint.query?.shape ?? {}))
          for (const value of VALUES) {
            const url = `${path(endpoint.path)}?${name}=${value}`;
            const method = endpoint.method;
            const response =
              method === 'get'
                ? await client.get(url)
                : await client.send(
                    method === 'put' ? 'PUT' : method === 'post' ? 'POST' : 'DELETE',
                    url,
                  );
            await response.arrayBuffer();
            sent += 1;
            if (response.status >= 500)
              failed.push(`${userId}: ${method} ${url} → ${response.status}`);
          }
    }
    expect(failed).toEqual([]);
    // Every operation's query parameters were tried (the items list alone has eleven).
    expect(sent).toBeGreaterThan(2 * VALUES.length * 40);
  } finally {
    await server.close();
  }
}, 180_000);

test('no operation answers HEAD: a read that changes state (a reveal link spent, a bar) is a GET or nothing', async () => {
  const server = await openTestServer();
  try {
    const ana = await server.signIn('usr_ana');
    const grant = await ana.send(
      'POST',
      `/api/items/${await blurredItemId(server.database.db)}/reveal`,
    );
    const { url } = (await grant.json()) as { url: string };
    const before = await auditHead(server.database.db);
    const heads = allEndpoints
      .filter((endpoint) => endpoint.method === 'get')
      .map((endpoint) =>
        endpoint.path === '/api/media/reveal/{token}'
          ? url
          : endpoint.path.replace(/\{\w+\}/g, 'x1'),
      );
    for (const path of heads) {
      const response = await server.call(path, { method: 'HEAD', headers: { cookie: ana.cookie } });
      expect([path, response.status, response.headers.get('allow')]).toEqual([path, 405, 'GET']);
    }
    expect(await auditHead(server.database.db)).toEqual(before);
    // The reveal link was not spent: its GET serves the original.
    expect((await ana.get(url)).status).toBe(200);
  } finally {
    await server.close();
  }
}, 120_000);
