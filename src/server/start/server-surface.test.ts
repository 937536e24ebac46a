import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { ErrorBody } from '../../api/schemas/common';
import { sendRaw, sendRequest, type Answer } from '../../test/http-request';
import { allowedHostNames } from '../http/request-guards';
import { startTestServer, type TestStart } from './test-start';

// The real HTTP server, in demo mode with a stand-in console: no msw/node in this file.
let server: TestStart;
let port: number;

beforeAll(async () => {
  const consoleDir = mkdtempSync(join(tmpdir(), 'verity-console-'));
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Verity</title>');
  mkdirSync(join(consoleDir, 'assets'));
  writeFileSync(join(consoleDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(consoleDir, '.env'), 'SECRET=1');
  server = await startTestServer({
    config: { items: 20 },
    consoleDir,
    allowedHosts: ['verity.example'],
  });
  port = server.port;
}, 120_000);

afterAll(async () => {
  await server.close();
  server.remove();
});

const own = () => `127.0.0.1:${port}`;
const json = { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE };
const getSession = (headers: Record<string, string>) =>
  sendRequest(port, { path: '/api/session', headers });
const setLatency = (headers: Record<string, string>) =>
  sendRequest(port, {
    method: 'POST',
    path: '/__mock/config',
    headers: { ...json, ...headers },
    body: '{"latency":0}',
  });
const signIn = (headers: Record<string, string>) =>
  sendRequest(port, {
    method: 'POST',
    path: '/api/session',
    headers: { ...json, ...headers },
    body: '{"userId":"usr_ana"}',
  });

function expectRefused(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  const body = ErrorBody.parse(JSON.parse(answer.body));
  expect(body.error.code).toBe(code);
}

describe('the Host header: loopback names, and those allowed, only', () => {
  test.each([
    ['the session', () => getSession({ Host: 'evil.example' })],
    ['the knobs', () => setLatency({ Host: `evil.example:${port}` })],
    ['a console page', () => sendRequest(port, { path: '/', headers: { Host: 'evil.example' } })],
    [
      'a console file',
      () => sendRequest(port, { path: '/index.html', headers: { Host: '10.0.0.7' } }),
    ],
    ['sign-in', () => signIn({ Host: 'rebind.evil.example' })],
  ])('a foreign Host is refused on %s', async (_, send) => {
    expectRefused(await send(), 403, 'host_not_allowed');
  });

  test.each(['localhost:1234', '127.0.0.1', '[::1]:80', 'LOCALHOST', 'verity.example:8080'])(
    'Host %s is answered',
    async (host) => {
      expect((await getSession({ Host: host })).status).toBe(200);
    },
  );

  test.each(['localhost.', 'localhost.evil.example', '127.0.0.1.nip.io', 'a b'])(
    'Host “%s” is refused',
    async (host) => {
      expectRefused(await getSession({ Host: host }), 403, 'host_not_allowed');
    },
  );

  test('a request without a Host (HTTP/1.0) is refused', async () => {
    const answer = await sendRaw(port, 'GET /api/session HTTP/1.0\r\n\r\n');
    expectRefused(answer, 403, 'host_not_allowed');
  });

  test('--allow-host takes names, repeated or comma separated, and refuses anything else', () => {
    expect(allowedHostNames(['verity.example', 'a.test, B.TEST', 'fe80::1', '[fe80::2]'])).toEqual([
      'verity.example',
      'a.test',
      'b.test',
      'fe80::1',
      'fe80::2',
    ]);
    for (const bad of ['a.test:80', 'http://a.test', 'a b', 'a.test.', 'a/b']) {
      expect(() => allowedHostNames([bad])).toThrow(/--allow-host/);
    }
  });
});

describe('state-changing requests from another site', () => {
  const crossSite = [
    ['another site’s Origin', { Origin: 'http://evil.example' }],
    ['another port’s Origin', { Origin: 'http://127.0.0.1:1' }],
    ['another loopback name’s Origin', { Origin: 'http://localhost:1' }],
    ['Origin null', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ] as const;

  test.each(crossSite)('POST /__mock/config with %s is refused', async (_, headers) => {
    expectRefused(await setLatency({ Host: own(), ...headers }), 403, 'cross_site_request');
  });

  test.each(crossSite)('POST /api/session with %s is refused', async (_, headers) => {
    const answer = await signIn({ Host: own(), ...headers });
    expectRefused(answer, 403, 'cross_site_request');
  });

  test('a request without Origin or Sec-Fetch-Site (curl, scripts) is answered', async () => {
    expect((await setLatency({ Host: own() })).status).toBe(200);
    expect((await signIn({ Host: own() })).status).toBe(200);
  });

  test('a same-origin browser request is answered, under any loopback name', async () => {
    for (const host of [own(), `localhost:${port}`, `[::1]:${port}`]) {
      const headers = { Host: host, Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' };
      expect((await setLatency(headers)).status).toBe(200);
      expect((await signIn(headers)).status).toBe(200);
    }
  });

  test('reading is not a state change: a link from another site still opens the console', async () => {
    const answer = await sendRequest(port, {
      path: '/queues/q1',
      headers: { Host: own(), 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>Verity</title>');
  });
});

describe('the built console', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers });

  test('hashed assets are cached for a year; a copy still held is answered 304', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("default-src 'self'");
    const held = await get('/assets/index-abc123.js', {
      'If-None-Match': asset.headers.get('etag') ?? '',
    });
    expect(held.status).toBe(304);
  });

  test('every other path is the console’s page, never cached as it is; no asset is made up', async () => {
    for (const path of ['/', '/queues/q1', '/.env', '/..%2F..%2Fetc%2Fpasswd']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toBe('<!doctype html><title>Verity</title>');
    }
    const missing = await get('/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
