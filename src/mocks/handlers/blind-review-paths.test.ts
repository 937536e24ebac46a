import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { AuditPage } from '../../api/schemas/audit';
import { ErrorBody } from '../../api/schemas/common';
import { ItemDetail } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';
import { clusterOf } from '../backend/clusters';

/** The less obvious paths to a first verdict under blind review: corrections, cluster decisions. */

const post = (path: string, cookie: string, body: unknown) =>
  callMock(path, {
    method: 'POST',
    cookie,
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify(body),
  });
const confirm = { kind: 'confirm', classification: 'A2', annotations: [] };

function pendingCluster(): Pick<FlaggedItem, 'id' | 'version'>[] {
  for (const item of testBackend.state.items) {
    if (item.status !== 'pending' || item.lease) continue;
    const members = clusterOf(testBackend.state, item)
      .members.map((m) => m.item)
      .filter((m) => m.status === 'pending' && m.lease === null);
    if (members.length > 0) return [item, ...members];
  }
  throw new Error('the seed has no pending cluster');
}

test('a first review waiting for its blind second review is not corrected, by anyone', async () => {
  const ana = signInForTest('usr_ana');
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no item');
  const decided = await post(`/api/items/${item.id}/decisions`, ana.cookie, {
    verdict: confirm,
    note: null,
    itemVersion: item.version,
    idempotencyKey: `first-${item.id}`,
    madeBy: 'usr_ana',
  });
  expect(decided.status).toBe(200);
  const sasha = signInForTest('usr_sasha');
  const correction = await post(`/api/items/${item.id}/corrections`, sasha.cookie, {
    supersedes: `dec_${item.id.slice(4)}_1`,
    verdict: { kind: 'dismiss', reason: 'adult_content' },
    rationale: 'Deciding without the second review',
    itemVersion: item.version,
    idempotencyKey: `correct-${item.id}`,
  });
  expect(correction.status).toBe(409);
  expect(ErrorBody.parse(await correction.json()).error.code).toBe('under_review');
  expect(item.status).toBe('awaiting_second_review');
});

test('reading one cluster decision’s event takes the reader off the second review of every item it may have decided', async () => {
  const [anchor, ...members] = pendingCluster();
  if (!anchor) throw new Error('no cluster');
  const ana = signInForTest('usr_ana');
  const response = await post(`/api/items/${anchor.id}/cluster-decisions`, ana.cookie, {
    verdict: confirm,
    note: null,
    items: [anchor, ...members].map((i) => ({ itemId: i.id, itemVersion: i.version })),
    idempotencyKey: 'cluster-blind-0001',
  });
  expect(response.status).toBe(200);
  const waiting = [anchor, ...members].filter(
    (i) => testBackend.state.itemsById.get(i.id)?.status === 'awaiting_second_review',
  );
  expect(waiting.length).toBeGreaterThan(1);

  const sasha = signInForTest('usr_sasha');
  const page = AuditPage.parse(
    await (await callMock(`/api/audit?subjectId=${anchor.id}`, { cookie: sasha.cookie })).json(),
  );
  expect(new Set(page.secondReviewsBarred)).toEqual(new Set(waiting.map((i) => i.id)));
});

test('a change asked for one user is refused under another user’s session, whatever the endpoint', async () => {
  const ben = signInForTest('usr_ben');
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no item');
  const claim = (actingFor?: string) =>
    callMock(`/api/items/${item.id}/claim`, {
      method: 'POST',
      cookie: ben.cookie,
      headers: { [CSRF_HEADER]: CSRF_VALUE, ...(actingFor ? { 'X-Verity-User': actingFor } : {}) },
    });
  const refused = await claim('usr_ana');
  expect(refused.status).toBe(403);
  expect(ErrorBody.parse(await refused.json()).error.code).toBe('maker_mismatch');
  expect(item.lease).toBeNull();
  expect((await claim('usr_ben')).status).toBe(200);
  // A request that names no one (a script, curl) is the session user's, as before.
  expect((await claim()).status).toBe(200);
});

test('a first verdict read after its undo still takes the reader off the item’s next second review', async () => {
  const item = testBackend.state.items.find(
    (i) =>
      i.status === 'pending' &&
      i.lease === null &&
      !i.signals.some((s) => s.kind === 'hash_match' && s.hashList === 'ncmec'),
  );
  if (!item) throw new Error('no item');
  const ana = signInForTest('usr_ana');
  const decide = (idempotencyKey: string) =>
    post(`/api/items/${item.id}/decisions`, ana.cookie, {
      verdict: confirm,
      note: null,
      itemVersion: item.version,
      idempotencyKey,
      madeBy: 'usr_ana',
    });
  expect((await decide(`undone-${item.id}`)).status).toBe(200);
  const undo = await post(`/api/items/${item.id}/decisions/undo`, ana.cookie, {
    idempotencyKey: `undone-${item.id}`,
  });
  expect(undo.status).toBe(200);
  expect(item.status).toBe('pending');

  // Sasha reads the taken-back confirmation while the item waits for a first review again, told
  // first what reading it costs (auditors, who never review, are not)…
  const sasha = signInForTest('usr_sasha');
  const detailFor = async (cookie: string) =>
    ItemDetail.parse(await (await callMock(`/api/items/${item.id}`, { cookie })).json());
  expect((await detailFor(sasha.cookie)).readingTimelineBars).toBe(true);
  expect((await detailFor(signInForTest('usr_alex').cookie)).readingTimelineBars).toBe(false);
  const page = AuditPage.parse(
    await (await callMock(`/api/audit?subjectId=${item.id}`, { cookie: sasha.cookie })).json(),
  );
  expect(JSON.stringify(page.events)).toContain('"confirm"');
  expect(page.secondReviewsBarred).toEqual([item.id]);
  expect((await detailFor(sasha.cookie)).readingTimelineBars).toBe(false);

  // …and Ana confirms again: Sasha knows the likely verdict, so its second review is not hers.
  expect((await decide(`again-${item.id}`)).status).toBe(200);
  expect(item.status).toBe('awaiting_second_review');
  const claim = await post(`/api/items/${item.id}/claim`, sasha.cookie, undefined);
  expect(claim.status).toBe(403);
  const second = await post(`/api/items/${item.id}/decisions`, sasha.cookie, {
    verdict: confirm,
    note: null,
    itemVersion: item.version,
    idempotencyKey: `second-${item.id}`,
    madeBy: 'usr_sasha',
  });
  expect(second.status).toBe(403);
  expect(item.status).toBe('awaiting_second_review');
});
