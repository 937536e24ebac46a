import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { AuditPage } from '../../api/schemas/audit';
import { ErrorBody } from '../../api/schemas/common';
import { DecisionResult, ItemDetail, UndoResult } from '../../api/schemas/decision';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';

/** Who made a decision, and whose key it is: the rules that keep one user's work their own. */

const post = (path: string, cookie: string, body: unknown) =>
  callMock(path, {
    method: 'POST',
    cookie,
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify(body),
  });
const freePending = (count: number) => {
  const items = testBackend.state.items.filter((i) => i.status === 'pending' && i.lease === null);
  if (items.length < count) throw new Error('not enough free pending items');
  return items.slice(0, count);
};
const escalate = (itemVersion: number, idempotencyKey: string, madeBy: string) => ({
  verdict: { kind: 'escalate', reason: 'Needs a supervisor' },
  note: null,
  itemVersion,
  idempotencyKey,
  madeBy,
});

test('a decision made by one user is refused under another user’s session: 403, no decision, the refusal on the record', async () => {
  const ben = signInForTest('usr_ben');
  const [item] = freePending(1);
  if (!item) throw new Error('no item');
  const head = testBackend.state.audit.head.seq;
  const response = await post(
    `/api/items/${item.id}/decisions`,
    ben.cookie,
    escalate(item.version, 'made-by-ana-0001', 'usr_ana'),
  );
  expect(response.status).toBe(403);
  expect(ErrorBody.parse(await response.json()).error.code).toBe('maker_mismatch');
  expect(item.status).toBe('pending');
  expect(testBackend.state.decisions.get(item.id) ?? []).toEqual([]);
  expect(testBackend.state.audit.range(head + 1, 10)).toMatchObject([
    {
      actor: { id: 'usr_ben' },
      action: 'item.decision_refused',
      detail: { refusal: 'maker_mismatch', madeBy: 'usr_ana' },
    },
  ]);
});

test('a decision that names no maker is a 400', async () => {
  const ana = signInForTest('usr_ana');
  const [item] = freePending(1);
  if (!item) throw new Error('no item');
  const { madeBy: _maker, ...nameless } = escalate(item.version, 'nameless-0001', 'usr_ana');
  const response = await post(`/api/items/${item.id}/decisions`, ana.cookie, nameless);
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(await response.json()).error.field).toBe('body.madeBy');
});

test('idempotency keys are per user: Ben reusing Ana’s key neither blocks her retry nor her undo', async () => {
  const ana = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const [anas, bens] = freePending(2);
  if (!anas || !bens) throw new Error('no items');
  const key = 'shared-key-0001';
  const anaBody = escalate(anas.version, key, 'usr_ana');
  const first = await post(`/api/items/${anas.id}/decisions`, ana.cookie, anaBody);
  expect(first.status).toBe(200);
  const recorded = DecisionResult.parse(await first.json()).decision;

  const benUse = await post(
    `/api/items/${bens.id}/decisions`,
    ben.cookie,
    escalate(bens.version, key, 'usr_ben'),
  );
  expect(benUse.status).toBe(200);
  expect(DecisionResult.parse(await benUse.json()).decision.actor.id).toBe('usr_ben');

  // Ana's retry (her answer was lost) still returns her decision; her undo still finds it.
  const retry = await post(`/api/items/${anas.id}/decisions`, ana.cookie, anaBody);
  expect(retry.status).toBe(200);
  expect(DecisionResult.parse(await retry.json()).decision.id).toBe(recorded.id);
  // Ben cannot undo Ana's decision with her key: it names nothing of his on that item.
  const benUndo = await post(`/api/items/${anas.id}/decisions/undo`, ben.cookie, {
    idempotencyKey: key,
  });
  expect(benUndo.status).toBe(404);
  const undo = await post(`/api/items/${anas.id}/decisions/undo`, ana.cookie, {
    idempotencyKey: key,
  });
  expect(undo.status).toBe(200);
  expect(UndoResult.parse(await undo.json()).undone).toBe(recorded.id);
});

test('the audit log names no idempotency key another user could send, only a digest', async () => {
  const ana = signInForTest('usr_ana');
  const sasha = signInForTest('usr_sasha');
  const [item] = freePending(1);
  if (!item) throw new Error('no item');
  const key = 'secret-key-0001';
  await post(`/api/items/${item.id}/decisions`, ana.cookie, escalate(item.version, key, 'usr_ana'));
  await post(`/api/items/${item.id}/decisions`, ana.cookie, escalate(item.version, key, 'usr_ana'));
  const page = AuditPage.parse(
    await (await callMock(`/api/audit?subjectId=${item.id}`, { cookie: sasha.cookie })).json(),
  );
  const decided = page.events.find((e) => e.action === 'item.decided');
  const replayed = page.events.find((e) => e.action === 'item.decision_replayed');
  expect(JSON.stringify(page.events)).not.toContain(key);
  // The digest still ties the replay to its decision for an auditor.
  expect(decided?.detail.idempotencyKey).toMatch(/^[0-9a-f]{16}$/);
  expect(replayed?.detail.idempotencyKey).toBe(decided?.detail.idempotencyKey);
});

test('a decision id is never reused: decide, undo, decide again gives a new id', async () => {
  const ana = signInForTest('usr_ana');
  const [item] = freePending(1);
  if (!item) throw new Error('no item');
  const first = DecisionResult.parse(
    await (
      await post(
        `/api/items/${item.id}/decisions`,
        ana.cookie,
        escalate(item.version, 'again-0001', 'usr_ana'),
      )
    ).json(),
  );
  await post(`/api/items/${item.id}/decisions/undo`, ana.cookie, { idempotencyKey: 'again-0001' });
  const second = DecisionResult.parse(
    await (
      await post(
        `/api/items/${item.id}/decisions`,
        ana.cookie,
        escalate(item.version, 'again-0002', 'usr_ana'),
      )
    ).json(),
  );
  expect(second.decision.id).not.toBe(first.decision.id);
  const detail = ItemDetail.parse(
    await (await callMock(`/api/items/${item.id}`, { cookie: ana.cookie })).json(),
  );
  expect(detail.decisions.map((d) => d.id)).toEqual([second.decision.id]);
});

test('one reviewer holds at most the configured number of items, however many claims race: 409 beyond', async () => {
  const ana = signInForTest('usr_ana');
  const { maxHeld } = testBackend.config;
  const heldByAna = () =>
    testBackend.state.items.filter(
      (i) => i.lease?.holderId === 'usr_ana' && Date.parse(i.lease.expiresAt) > Date.now(),
    );
  const before = heldByAna().length; // the seeded data may have her holding one already
  const answers = await Promise.all(
    Array.from({ length: 25 }, () => post('/api/queues/q-text/next', ana.cookie, undefined)),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(maxHeld - before);
  expect(statuses.filter((s) => s === 409)).toHaveLength(25 - maxHeld + before);
  const refusal = ErrorBody.parse(await answers.find((a) => a.status === 409)?.json());
  expect(refusal.error.code).toBe('hold_limit');
  const held = heldByAna();
  expect(held).toHaveLength(maxHeld);
  // Renewing one already held is fine; claiming one more named item is not.
  const [one] = held;
  if (!one) throw new Error('nothing held');
  expect((await post(`/api/items/${one.id}/claim`, ana.cookie, undefined)).status).toBe(200);
  const [another] = freePending(1);
  if (!another) throw new Error('no item');
  expect((await post(`/api/items/${another.id}/claim`, ana.cookie, undefined)).status).toBe(409);
});
