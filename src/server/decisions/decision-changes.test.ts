import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ClaimResult, DecisionResult } from '../../api/schemas/decision';
import { ErrorBody } from '../../api/schemas/common';
import { openTestServer, type TestClient, type TestServer } from '../testing/test-server';
import {
  claim,
  decide,
  decisionsOf,
  dismiss,
  freePending,
  itemNow,
  lastEvent,
} from './review-test-kit';

/** Undo, corrections and hand-overs (the in-memory backend's handler suite) against the server. */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('undo', () => {
  const decideAsAna = async () => {
    const ana = await server.signIn('usr_ana');
    const item = await freePending(server);
    const key = `undo-${item.id}`;
    const result = DecisionResult.parse(
      await (await decide(ana, item.id, dismiss(item.version, key))).json(),
    );
    return { ana, item: result.item, key, decisionId: result.decision.id };
  };
  const undo = (itemId: string, idempotencyKey: string, client: TestClient) =>
    client.send('POST', `/api/items/${itemId}/decisions/undo`, { idempotencyKey });

  test('within the window the author takes the decision back: no decision, the item waits again, audited, the key refused later', async () => {
    const { ana, item, key, decisionId } = await decideAsAna();
    const response = await undo(item.id, key, ana);
    expect(response.status).toBe(200);
    const now = await itemNow(server, item.id);
    expect(now.status).toBe('pending');
    expect(now.version).toBe(item.version + 1);
    expect((await decisionsOf(server, item.id)).some((d) => d.id === decisionId)).toBe(false);
    expect(await lastEvent(server)).toMatchObject({
      action: 'item.decision_undone',
      detail: { decisionId },
      actor: { id: 'usr_ana' },
    });
    // A stale copy of the same decision, sent again, is not recorded.
    const resent = await decide(ana, item.id, dismiss(now.version, key));
    expect(resent.status).toBe(409);
    expect(await decisionsOf(server, item.id)).toEqual([]);
    // Undone, not deleted: the row keeps its id and its key.
    const rows = await server.database.db
      .selectFrom('decisions')
      .select(['id', 'undone_at'])
      .where('item_id', '=', item.id)
      .execute();
    expect(rows).toEqual([{ id: decisionId, undone_at: server.clock.now }]);
  });

  test('someone else’s decision cannot be undone (its key is not theirs: 404); nor one past its window (409); nor an unknown key (404)', async () => {
    const { ana, item, key } = await decideAsAna();
    expect((await undo(item.id, key, await server.signIn('usr_ben'))).status).toBe(404);
    expect((await undo(item.id, 'no-such-key-0000', ana)).status).toBe(404);
    server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    const late = await undo(item.id, key, await server.signIn('usr_ana'));
    expect(late.status).toBe(409);
    expect(ErrorBody.parse(await late.json()).error.message).toMatch(/A supervisor can correct/);
    expect((await itemNow(server, item.id)).status).not.toBe('pending');
  });

  test('a first review another reviewer holds for its second review cannot be undone: the item stays theirs', async () => {
    const ana = await server.signIn('usr_ana');
    const ben = await server.signIn('usr_ben');
    const item = await freePending(server);
    const key = `u-held-${item.id}`;
    await decide(ana, item.id, {
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      note: null,
      itemVersion: item.version,
      idempotencyKey: key,
    });
    expect((await claim(ben, item.id)).status).toBe(200);
    const refused = await undo(item.id, key, ana);
    expect(refused.status).toBe(409);
    const { error } = ErrorBody.parse(await refused.json());
    expect(error.code).toBe('held');
    expect(error.message).toMatch(/Ben Okafor holds/);
    const now = await itemNow(server, item.id);
    expect(now.status).toBe('awaiting_second_review');
    expect(now.lease?.holderId).toBe('usr_ben');
  });

  test('a second review cannot be undone: its author has seen the first verdict', async () => {
    const ana = await server.signIn('usr_ana');
    const ben = await server.signIn('usr_ben');
    const item = await freePending(server);
    await decide(ana, item.id, {
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      note: null,
      itemVersion: item.version,
      idempotencyKey: `u2a-${item.id}`,
    });
    await decide(ben, item.id, dismiss(item.version + 1, `u2b-${item.id}`));
    expect((await itemNow(server, item.id)).status).toBe('escalated');
    const refused = await undo(item.id, `u2b-${item.id}`, ben);
    expect(refused.status).toBe(403);
    expect((await itemNow(server, item.id)).status).toBe('escalated');
  });
});

describe('supervisor corrections and holds', () => {
  test('a correction supersedes a decision, which stays in the history; audited; not twice', async () => {
    const ana = await server.signIn('usr_ana');
    const sasha = await server.signIn('usr_sasha');
    const item = await freePending(server);
    const first = DecisionResult.parse(
      await (await decide(ana, item.id, dismiss(item.version, `c0-${item.id}`))).json(),
    );
    const correction = (key: string, itemVersion: number) => ({
      supersedes: first.decision.id,
      verdict: { kind: 'confirm', classification: 'A2', annotations: [] },
      rationale: 'Reviewed the derivative again: not adult content.',
      itemVersion,
      idempotencyKey: key,
    });
    const path = `/api/items/${item.id}/corrections`;
    expect(
      (await ana.send('POST', path, correction(`c1-${item.id}`, first.item.version))).status,
    ).toBe(403);
    const corrected = DecisionResult.parse(
      await (
        await sasha.send('POST', path, correction(`c2-${item.id}`, first.item.version))
      ).json(),
    );
    expect(corrected.decision).toMatchObject({
      stage: 'supervisor',
      supersedes: first.decision.id,
    });
    expect(corrected.item.status).toBe('confirmed');
    expect((await decisionsOf(server, item.id)).map((d) => d.id)).toEqual([
      first.decision.id,
      corrected.decision.id,
    ]);
    expect(await lastEvent(server)).toMatchObject({
      action: 'item.decision_corrected',
      detail: { supersedes: first.decision.id },
    });
    const again = await sasha.send(
      'POST',
      path,
      correction(`c3-${item.id}`, corrected.item.version),
    );
    expect(again.status).toBe(409);
  });

  test('a correction is refused while another supervisor holds the item, as a decision is', async () => {
    const ana = await server.signIn('usr_ana');
    const sasha = await server.signIn('usr_sasha');
    const mira = await server.signIn('usr_mira');
    const item = await freePending(server);
    const escalated = DecisionResult.parse(
      await (
        await decide(ana, item.id, {
          verdict: { kind: 'escalate', reason: 'Unsure of age: needs a supervisor.' },
          note: null,
          itemVersion: item.version,
          idempotencyKey: `e0-${item.id}`,
        })
      ).json(),
    );
    expect(escalated.item.status).toBe('escalated');
    expect((await claim(sasha, item.id)).status).toBe(200);
    const response = await mira.send('POST', `/api/items/${item.id}/corrections`, {
      supersedes: escalated.decision.id,
      verdict: { kind: 'dismiss', reason: 'adult_content' },
      rationale: 'Adult content.',
      itemVersion: escalated.item.version,
      idempotencyKey: `e1-${item.id}`,
    });
    expect(response.status).toBe(409);
    expect(ErrorBody.parse(await response.json()).error.code).toBe('held');
    const now = await itemNow(server, item.id);
    expect(now.status).toBe('escalated');
    expect(now.lease?.holderId).toBe('usr_sasha');
  });

  test('a supervisor who made a decision on the item cannot correct it: another must', async () => {
    const sasha = await server.signIn('usr_sasha');
    const item = await freePending(server);
    const own = DecisionResult.parse(
      await (await decide(sasha, item.id, dismiss(item.version, `s0-${item.id}`))).json(),
    );
    const response = await sasha.send('POST', `/api/items/${item.id}/corrections`, {
      supersedes: own.decision.id,
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      rationale: 'Changed my mind.',
      itemVersion: own.item.version,
      idempotencyKey: `s1-${item.id}`,
    });
    expect(response.status).toBe(403);
  });

  test('a supervisor releases or reassigns an item someone holds; analysts may not', async () => {
    const ana = await server.signIn('usr_ana');
    const sasha = await server.signIn('usr_sasha');
    const item = await freePending(server);
    const holder = `/api/items/${item.id}/holder`;
    await claim(ana, item.id);
    expect((await ana.send('POST', holder, { holderId: null })).status).toBe(403);

    const reassigned = ClaimResult.parse(
      await (await sasha.send('POST', holder, { holderId: 'usr_ben' })).json(),
    );
    expect(reassigned.item.lease?.holderName).toBe('Ben Okafor');
    expect(await lastEvent(server)).toMatchObject({
      action: 'item.reassigned',
      detail: { previousHolderId: 'usr_ana', holderId: 'usr_ben' },
    });
    expect((await claim(ana, item.id)).status).toBe(409);

    await sasha.send('POST', holder, { holderId: null });
    expect((await itemNow(server, item.id)).lease).toBeNull();
    expect(await lastEvent(server)).toMatchObject({
      action: 'item.released',
      detail: { previousHolderId: 'usr_ben' },
    });
    expect((await sasha.send('POST', holder, { holderId: 'usr_alex' })).status).toBe(400);
  });
});
