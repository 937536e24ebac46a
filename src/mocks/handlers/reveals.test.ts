import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { RevealEnded, RevealGrant } from '../../api/schemas/decision';
import { signInForTest, testBackend } from '../../test/mock-server';

const base = 'http://verity.test';
const call = (path: string, cookie: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: { cookie, 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
  });
const blurred = () => {
  const item = testBackend.state.items.find((i) => i.preview.mode === 'blurred');
  if (!item) throw new Error('no blurred item');
  return item;
};
const events = (action: string) =>
  testBackend.state.audit.range(1, testBackend.state.audit.size).filter((e) => e.action === action);

test('a reveal is audited and grants a same-origin URL that works exactly once, no-store', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = blurred();
  const grant = RevealGrant.parse(
    await (await call(`/api/items/${item.id}/reveal`, cookie, { method: 'POST' })).json(),
  );
  expect(events('media.revealed').at(-1)).toMatchObject({
    subject: { id: item.id },
    detail: { revealId: grant.revealId },
  });
  const first = await call(grant.url, cookie);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toBe('image/png');
  expect(first.headers.get('cache-control')).toBe('no-store');
  expect((await call(grant.url, cookie)).status).toBe(404);
});

test('a reveal URL is the revealer’s own, and expires', async () => {
  const ana = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const item = blurred();
  const grant = RevealGrant.parse(
    await (await call(`/api/items/${item.id}/reveal`, ana.cookie, { method: 'POST' })).json(),
  );
  expect((await call(grant.url, ben.cookie)).status).toBe(404);
  const reveal = testBackend.state.reveals.get(grant.revealId);
  if (reveal) reveal.urlExpiresAt = Date.now() - 1;
  expect((await call(grant.url, ana.cookie)).status).toBe(404);
});

test('the end of a reveal is recorded once, with its duration and reason', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = blurred();
  const grant = RevealGrant.parse(
    await (await call(`/api/items/${item.id}/reveal`, cookie, { method: 'POST' })).json(),
  );
  const end = () =>
    call(`/api/items/${item.id}/reveal/${grant.revealId}/end`, cookie, {
      method: 'POST',
      body: JSON.stringify({ reason: 'timeout' }),
    });
  const ended = RevealEnded.parse(await (await end()).json());
  expect(ended.durationMs).toBeGreaterThanOrEqual(0);
  await end();
  const reblurred = events('media.reblurred').filter((e) => e.detail.revealId === grant.revealId);
  expect(reblurred).toHaveLength(1);
  expect(reblurred[0]?.detail).toMatchObject({ reason: 'timeout' });
});

test('hash-only items have nothing to reveal, and auditors may not reveal', async () => {
  const { cookie } = signInForTest('usr_ana');
  const hashOnly = testBackend.state.items.find((i) => i.preview.mode === 'hash_only');
  expect((await call(`/api/items/${hashOnly?.id}/reveal`, cookie, { method: 'POST' })).status).toBe(
    404,
  );
  const auditor = signInForTest('usr_alex');
  expect(
    (await call(`/api/items/${blurred().id}/reveal`, auditor.cookie, { method: 'POST' })).status,
  ).toBe(403);
});
