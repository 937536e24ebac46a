import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { allEndpoints } from '../../api/endpoints/all';
import { isStateChanging } from '../../api/endpoints/endpoint';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { ErrorBody } from '../../api/schemas/common';
import { sendRaw, sendRequest, type Answer } from '../../test/http-request';
import { DEFAULT_BODY_LIMIT } from '../http/body-limit';
import { startTestServer, type TestStart } from './test-start';

// Malformed requests against the real HTTP server (in demo mode, with a stand-in console): each
// is the caller's error, answered 4xx without a stack trace or a path of this machine.
let server: TestStart;
let port: number;
let cookie = '';

beforeAll(async () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'verity-console-'));
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Verity</title>');
  server = await startTestServer({ config: { items: 20 }, consoleDir });
  port = server.port;
  const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: '{"userId":"usr_sasha"}',
  });
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}, 120_000);

afterAll(async () => {
  await server.close();
  server.remove();
});

const json = { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE };
const get =
  (path: string, headers: Record<string, string> = {}) =>
  () =>
    sendRequest(port, { path, headers: { cookie, ...headers } });
const send =
  (method: string, path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  () =>
    sendRequest(port, { method, path, body, headers: { cookie, ...json, ...headers } });
const raw = (text: string) => () =>
  sendRaw(port, text.replaceAll('{host}', `127.0.0.1:${port}`).replaceAll('{cookie}', cookie));
const signInBody = (userId: unknown) => JSON.stringify({ userId });

/** Each: a malformed request; every answer is a JSON error in the contract's shape. */
const cases: [string, () => Promise<Answer>][] = [
  // percent-encodings in the path
  ['overlong UTF-8 dots in an item id', get('/api/items/%C0%AE%C0%AE')],
  ['the same, signed out', get('/api/items/%C0%AE%C0%AE', { cookie: '' })],
  ['a truncated escape in an id', get('/api/items/%E0%A4%A')],
  ['a lone % in an id', get('/api/items/%/cluster')],
  ['a bad escape in a report path', get('/api/reports/%FF/report.xml')],
  ['a bad escape in an unknown API path', get('/api/nothing%C0')],
  ['a bad escape in the mock controls', get('/__mock/config%C0')],
  ['a bad escape in a console path', get('/%C0%AE')],
  ['a truncated escape in a console route', get('/items/%E0%A4%A')],
  ['a bad escape in a console file path', get('/assets/%C0.js')],
  // percent-encodings in the query
  ['a bad escape in a query value', get('/api/items?q=%C0')],
  ['a bad escape in a query key', get('/api/session?%=1')],
  ['a bad escape in the mock controls’ query', get('/__mock/config?x=%E0%A4')],
  // NUL bytes
  ['%00 in an item id', get('/api/items/abc%00def')],
  ['%00 in a query value', get('/api/items?q=%00')],
  ['a raw NUL in the path', raw('GET /api/items/a\0b HTTP/1.1\r\nHost: {host}\r\n\r\n')],
  ['a raw NUL in a header', raw('GET /api/session HTTP/1.1\r\nHost: {host}\r\nX-A: a\0b\r\n\r\n')],
  ['a NUL in a JSON id', send('POST', '/api/session', signInBody('usr_ana\0'))],
  // overlong and unsafe ids
  ['a 129-character id', get(`/api/items/${'a'.repeat(129)}`)],
  ['a 5000-character id', get(`/api/reports/${'r'.repeat(5000)}`)],
  ['a request line beyond the header limit', get(`/api/items/${'a'.repeat(20_000)}`)],
  ['an id that climbs directories', get('/api/items/..%2F..%2Fetc%2Fpasswd')],
  ['an id with a right-to-left override', get('/api/items/itm%E2%80%AEgpj')],
  ['an overlong id in a body', send('POST', '/api/session', signInBody('u'.repeat(300)))],
  // wrong types
  ['a number for an id', send('POST', '/api/session', signInBody(5))],
  ['an array for a body', send('POST', '/api/session', '[]')],
  ['null for a body', send('POST', '/api/session', 'null')],
  ['text for a number in the query', get('/api/items?limit=abc')],
  ['a string for a version', send('POST', '/api/items/itm_x/claim', '"1"')],
  // bad JSON
  ['truncated JSON', send('POST', '/api/session', '{"userId":')],
  ['bytes that are not UTF-8', send('POST', '/api/session', new Uint8Array([0x7b, 0xff, 0x7d]))],
  ['an empty body where one is needed', send('POST', '/api/session', '')],
  ['bad JSON to the mock controls', send('POST', '/__mock/config', '{latency:1}')],
  // oversize bodies
  ['a sign-in over its limit', send('POST', '/api/session', signInBody('a'.repeat(10_000)))],
  [
    'a report save announcing 300 MB',
    raw(
      'PUT /api/reports/rpt_00001 HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n' +
        'Content-Type: application/json\r\nX-Verity-CSRF: 1\r\nContent-Length: 300000000\r\n\r\n{',
    ),
  ],
  [
    'a chunked sign-in past its limit, without a length',
    raw(
      'POST /api/session HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n' +
        `X-Verity-CSRF: 1\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n${'a'.repeat(0x1000)}\r\n`,
    ),
  ],
  [
    'mock controls over the default cap',
    send(
      'POST',
      '/__mock/config',
      `{"faults":[${'"tamper:audit",'.repeat(80_000)}"tamper:audit"]}`,
    ),
  ],
  // wrong content types
  [
    'sign-in as text/plain',
    send('POST', '/api/session', signInBody('usr_ana'), { 'Content-Type': 'text/plain' }),
  ],
  [
    'sign-in as a form',
    send('POST', '/api/session', 'userId=usr_ana', {
      'Content-Type': 'application/x-www-form-urlencoded',
    }),
  ],
  [
    'a report save as JSON Patch',
    send('PUT', '/api/reports/rpt_00001', '{}', { 'Content-Type': 'application/json-patch+json' }),
  ],
  [
    'sign-in without a Content-Type',
    raw(
      'POST /api/session HTTP/1.1\r\nHost: {host}\r\nX-Verity-CSRF: 1\r\nContent-Length: 20\r\n\r\n{"userId":"usr_ana"}',
    ),
  ],
  [
    'a text body to a claim',
    send('POST', '/api/items/itm_x/claim', 'hello', { 'Content-Type': 'text/plain' }),
  ],
  [
    'mock controls as text/plain',
    send('POST', '/__mock/config', '{"latency":1}', { 'Content-Type': 'text/plain' }),
  ],
  // bad cookies
  ['a session cookie with a bad escape', get('/api/queues', { cookie: 'verity_session=%E0%A4%A' })],
  [
    'a session cookie of 8 KB',
    get('/api/queues', { cookie: `verity_session=${'x'.repeat(8000)}` }),
  ],
  ['a cookie header of only separators', get('/api/queues', { cookie: ';;=;=' })],
  // bad headers and request targets
  [
    'a Content-Length that is not a number',
    raw('POST /api/session HTTP/1.1\r\nHost: {host}\r\nContent-Length: abc\r\n\r\n'),
  ],
  [
    'two different Content-Lengths',
    raw(
      'POST /api/session HTTP/1.1\r\nHost: {host}\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}',
    ),
  ],
  [
    'a broken chunk',
    raw(
      'POST /api/session HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ),
  ],
  ['a Host with a space', raw('GET /api/session HTTP/1.1\r\nHost: a b\r\n\r\n')],
  ['a target that is not a URL', raw('GET //[ HTTP/1.1\r\nHost: {host}\r\n\r\n')],
  [
    'a target naming another host',
    raw('GET http://evil.example/api/session HTTP/1.1\r\nHost: {host}\r\n\r\n'),
  ],
  [
    'a target with a backslash host',
    raw('GET /\\evil.example/api/session HTTP/1.1\r\nHost: {host}\r\n\r\n'),
  ],
  [
    'a CSRF header with the wrong value',
    send('POST', '/api/session', signInBody('usr_ana'), { [CSRF_HEADER]: '0' }),
  ],
  [
    'an Origin that is not a URL',
    send('POST', '/api/session', signInBody('usr_ana'), { Origin: '::' }),
  ],
  // outside the API, and bodies the server cannot read as sent
  ['a bad escape in a console path', get('/%C0%AE')],
  ['a DELETE of a console path', send('DELETE', '/foo', '')],
  ['a POST of a bad escape outside the API', send('POST', '/%C0', '{}')],
  [
    'a gzip-encoded body',
    send('POST', '/api/session', signInBody('usr_ana'), { 'Content-Encoding': 'gzip' }),
  ],
];

function expectSafeRefusal({ status, contentType, body }: Answer) {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(body).not.toMatch(/^\s*at /m);
  for (const leak of ['/work', 'node_modules', '.ts:', 'Error:']) expect(body).not.toContain(leak);
  expect(contentType).toMatch(/^application\/json/);
  expect(ErrorBody.safeParse(JSON.parse(body)).success).toBe(true);
}

test.each(cases)('%s: a 4xx JSON error without a stack trace', async (_, request) => {
  expectSafeRefusal(await request());
});

test('after an oversize body is refused, its connection still carries the next request', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const oversize = `{"faults":[${'"tamper:audit",'.repeat(100_000)}"tamper:audit"]}`;
  const refused = await sendRequest(port, {
    method: 'POST',
    path: '/__mock/config',
    headers: json,
    body: oversize,
    agent,
  });
  expect(refused.status).toBe(413);
  expect((await sendRequest(port, { path: '/api/session', agent })).status).toBe(200);
  agent.destroy();
});

test('the default cap is stated and the server is still up after all that', async () => {
  expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024);
  expect((await get('/api/session')()).status).toBe(200);
});

const hostile = [
  '%C0%AE%C0%AE',
  '%00',
  'a'.repeat(300),
  '..%2F..%2F',
  '%E2%80%AE',
  '%',
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent("'; DROP TABLE items; --"),
];

test('no endpoint of the contract answers 5xx to a hostile path parameter', async () => {
  for (const endpoint of allEndpoints) {
    const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    if (names.length === 0) continue;
    for (const value of hostile) {
      const path = names.reduce((p, name) => p.replace(`{${name}}`, value), endpoint.path);
      const method = endpoint.method.toUpperCase();
      const answer = isStateChanging(endpoint.method)
        ? await send(method, path, '{}')()
        : await get(path)();
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
  }
});
