import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { AuditEvent } from '../../api/schemas/audit';
import { ErrorBody } from '../../api/schemas/common';
import { DecisionResult, UndoResult } from '../../api/schemas/decision';
import { openTestServer, type TestServer } from '../testing/test-server';
import {
  appendedSince,
  auditSize,
  claim,
  decisionsOf,
  freePendingItems,
  itemNow,
} from './review-test-kit';
import { auditRange } from '../audit/audit-chain';

/** Who made a decision, and whose key it is: the rules that keep one user's work their own. */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const freePending = async (count: number) => {
  const items = await freePendingItems(server);
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
  const ben = await server.signIn('usr_ben');
  const [item] = await freePending(1);
  if (!item) throw new Error('no item');
  const head = await auditSize(server);
  const response = await ben.send(
    'POST',
    `/api/items/${item.id}/decisions`,
    escalate(item.version, 'made-by-ana-0001', 'usr_ana'),
  );
  expect(response.status).toBe(403);
  expect(ErrorBody.parse(await response.json()).error.code).toBe('maker_mismatch');
  expect((await itemNow(server, item.id)).status).toBe('pending');
  expect(await decisionsOf(server, item.id)).toEqual([]);
  expect(await appendedSince(server, head)).toMatchObject([
    {
      actor: { id: 'usr_ben' },
      action: 'item.decision_refused',
      detail: { refusal: 'maker_mismatch', madeBy: 'usr_ana' },
    },
  ]);
});

test('a decision that names no maker is a 400', async () => {
  const ana = await server.signIn('usr_ana');
  const [item] = await freePending(1);
  if (!item) throw new Error('no item');
  const { madeBy: _maker, ...nameless } = escalate(item.version, 'nameless-0001', 'usr_ana');
  const response = await ana.send('POST', `/api/items/${item.id}/decisions`, nameless);
  expect(response.status).toBe(400);
  expect(ErrorBody.parse(await response.json()).error.field).toBe('body.madeBy');
});

test('idempotency keys are per user: Ben reusing Ana’s key neither blocks her retry nor her undo', async () => {
  const ana = await server.signIn('usr_ana');
  const ben = await server.signIn('usr_ben');
  const [anas, bens] = await freePending(2);
  if (!anas || !bens) throw new Error('no items');
  const key = 'shared-key-0001';
  const anaBody = escalate(anas.version, key, 'usr_ana');
  const first = await ana.send('POST', `/api/items/${anas.id}/decisions`, anaBody);
  expect(first.status).toBe(200);
  const recorded = DecisionResult.parse(await first.json()).decision;

  const benUse = await ben.send(
    'POST',
    `/api/items/${bens.id}/decisions`,
    escalate(bens.version, key, 'usr_ben'),
  );
  expect(benUse.status).toBe(200);
  expect(DecisionResult.parse(await benUse.json()).decision.actor.id).toBe('usr_ben');

  // Ana's retry (her answer was lost) still returns her decision; her undo still finds it.
  const retry = await ana.send('POST', `/api/items/${anas.id}/decisions`, anaBody);
  expect(retry.status).toBe(200);
  expect(DecisionResult.parse(await retry.json()).decision.id).toBe(recorded.id);
  // Ben cannot undo Ana's decision with her key: it names nothing of his on that item.
  const undoPath = `/api/items/${anas.id}/decisions/undo`;
  expect((await ben.send('POST', undoPath, { idempotencyKey: key })).status).toBe(404);
  const undo = await ana.send('POST', undoPath, { idempotencyKey: key });
  expect(undo.status).toBe(200);
  expect(UndoResult.parse(await undo.json()).undone).toBe(recorded.id);
});

test('a key sent again names only its decision: another verdict or note under it is refused (409); the same decision replays, whatever version it names', async () => {
  const [item] = await freePending(1);
  if (!item) throw new Error('fixture');
  const ana = await server.signIn('usr_ana');
  const send = (body: Record<string, unknown>) =>
    ana.send('POST', `/api/items/${item.id}/decisions`, body);
  const original = { ...escalate(item.version, 'same-key-0001', 'usr_ana'), note: '' };
  expect((await send(original)).status).toBe(200);
  const decided = await decisionsOf(server, item.id);

  for (const other of [
    { ...original, verdict: { kind: 'dismiss', reason: 'adult_content' } },
    { ...original, verdict: { kind: 'escalate', reason: 'Another reason' } },
    { ...original, note: 'a note' },
  ]) {
    const before = await auditSize(server);
    const refused = await send(other);
    expect(refused.status).toBe(409);
    expect(ErrorBody.parse(await refused.json()).error.code).toBe('key_reused');
    expect(await appendedSince(server, before)).toMatchObject([
      { action: 'item.decision_refused', detail: { refusal: 'key_reused' } },
    ]);
  }
  expect(await decisionsOf(server, item.id)).toEqual(decided);
  // Sent again as it was, or after reading the item again (its version moved on by this decision).
  for (const again of [original, { ...original, itemVersion: item.version + 1 }]) {
    const replayed = await send(again);
    expect(replayed.status).toBe(200);
    expect(DecisionResult.parse(await replayed.json()).decision).toEqual(decided[0]);
  }
});

test('a correction sent again replays on the record; another correction under its key is refused', async () => {
  const [item] = await freePending(1);
  if (!item) throw new Error('fixture');
  const ana = await server.signIn('usr_ana');
  const sasha = await server.signIn('usr_sasha');
  const first = DecisionResult.parse(
    await (
      await ana.send('POST', `/api/items/${item.id}/decisions`, {
        ...escalate(item.version, 'corr-first-0001', 'usr_ana'),
        verdict: { kind: 'dismiss', reason: 'adult_content' },
      })
    ).json(),
  );
  const correction = {
    supersedes: first.decision.id,
    verdict: { kind: 'confirm', classification: 'A2', annotations: [] },
    rationale: 'Not adult content.',
    itemVersion: first.item.version,
    idempotencyKey: 'corr-key-0001',
  };
  const path = `/api/items/${item.id}/corrections`;
  expect((await sasha.send('POST', path, correction)).status).toBe(200);
  const before = await auditSize(server);
  expect((await sasha.send('POST', path, correction)).status).toBe(200);
  expect(await appendedSince(server, before)).toMatchObject([
    { action: 'item.decision_replayed', actor: { id: 'usr_sasha' } },
  ]);
  const other = await sasha.send('POST', path, { ...correction, rationale: 'Another reason.' });
  expect(other.status).toBe(409);
  expect(ErrorBody.parse(await other.json()).error.code).toBe('key_reused');
  expect((await decisionsOf(server, item.id)).map((d) => d.stage)).toEqual(['first', 'supervisor']);
});

test('the audit log names no idempotency key another user could send, only a digest', async () => {
  const ana = await server.signIn('usr_ana');
  const [item] = await freePending(1);
  if (!item) throw new Error('no item');
  const key = 'secret-key-0001';
  const path = `/api/items/${item.id}/decisions`;
  await ana.send('POST', path, escalate(item.version, key, 'usr_ana'));
  await ana.send('POST', path, escalate(item.version, key, 'usr_ana'));
  const events = (await auditRange(server.database.db, 1, await auditSize(server))).filter(
    (e: AuditEvent) => e.subject.id === item.id,
  );
  const decided = events.find((e) => e.action === 'item.decided');
  const replayed = events.find((e) => e.action === 'item.decision_replayed');
  expect(JSON.stringify(events)).not.toContain(key);
  // The digest still ties the replay to its decision for an auditor.
  expect(decided?.detail.idempotencyKey).toMatch(/^[0-9a-f]{16}$/);
  expect(replayed?.detail.idempotencyKey).toBe(decided?.detail.idempotencyKey);
});

test('a decision id is never reused: decide, undo, decide again gives a new id', async () => {
  const ana = await server.signIn('usr_ana');
  const [item] = await freePending(1);
  if (!item) throw new Error('no item');
  const path = `/api/items/${item.id}/decisions`;
  const first = DecisionResult.parse(
    await (await ana.send('POST', path, escalate(item.version, 'again-0001', 'usr_ana'))).json(),
  );
  await ana.send('POST', `${path}/undo`, { idempotencyKey: 'again-0001' });
  const second = DecisionResult.parse(
    await (
      await ana.send('POST', path, escalate(item.version + 2, 'again-0002', 'usr_ana'))
    ).json(),
  );
  expect(second.decision.id).not.toBe(first.decision.id);
  expect((await decisionsOf(server, item.id)).map((d) => d.id)).toEqual([second.decision.id]);
});

test('one reviewer holds at most the configured number of items, however many claims race: 409 beyond', async () => {
  const ana = await server.signIn('usr_ana');
  const { maxHeld } = server.context.review;
  const heldByAna = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('claims')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('holder_id', '=', 'usr_ana')
          .where('expires_at', '>', server.clock.now)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await heldByAna(); // the seeded data may have her holding one already
  const answers = await Promise.all(
    Array.from({ length: 25 }, () => ana.send('POST', '/api/queues/q-text/next')),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(maxHeld - before);
  expect(statuses.filter((s) => s === 409)).toHaveLength(25 - maxHeld + before);
  const refusal = ErrorBody.parse(await answers.find((a) => a.status === 409)?.json());
  expect(refusal.error.code).toBe('hold_limit');
  expect(await heldByAna()).toBe(maxHeld);
  // Renewing one already held is fine; claiming one more named item is not.
  const one = await server.database.db
    .selectFrom('claims')
    .select('item_id')
    .where('holder_id', '=', 'usr_ana')
    .where('expires_at', '>', server.clock.now)
    .executeTakeFirstOrThrow();
  expect((await claim(ana, one.item_id)).status).toBe(200);
  const [another] = await freePending(1);
  if (!another) throw new Error('no item');
  expect((await claim(ana, another.id)).status).toBe(409);
});
