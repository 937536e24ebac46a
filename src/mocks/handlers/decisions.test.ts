import { describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { ErrorBody } from '../../api/schemas/common';
import { MyEscalations } from '../../api/schemas/escalation';
import { ClaimResult, DecisionResult, ItemDetail, NextItem } from '../../api/schemas/decision';
import { signInForTest, testBackend } from '../../test/mock-server';

const base = 'http://verity.test';
/** The maker a decision names, as the console's outbox stamps it: the cookie's signed-in user. */
const makerOf = (cookie: string) =>
  testBackend.state.sessions.peek(cookie.slice(cookie.indexOf('=') + 1))?.user.id;
const post = (path: string, cookie: string, body?: unknown, method = 'POST') =>
  fetch(`${base}${path}`, {
    method,
    headers: { cookie, 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body:
      body === undefined
        ? null
        : JSON.stringify(
            path.endsWith('/decisions') && typeof body === 'object'
              ? { madeBy: makerOf(cookie), ...body }
              : body,
          ),
  });
const pendingItem = () => {
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  return item;
};
const dismiss = (itemVersion: number, idempotencyKey: string) => ({
  verdict: { kind: 'dismiss', reason: 'adult_content' },
  note: null,
  itemVersion,
  idempotencyKey,
});
const lastEvent = () => testBackend.state.audit.range(testBackend.state.audit.size, 1)[0];

test('claiming takes a lease for the caller, renewing extends it, and both are audited', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  const first = ClaimResult.parse(await (await post(`/api/items/${item.id}/claim`, cookie)).json());
  expect(first.item.lease).toMatchObject({ holderId: 'usr_ana', holderName: 'Ana Ortiz' });
  expect(first.item.version).toBe(item.version);
  expect(lastEvent()).toMatchObject({ action: 'item.claimed', detail: { renewal: false } });
  await post(`/api/items/${item.id}/claim`, cookie);
  expect(lastEvent()).toMatchObject({ action: 'item.claimed', detail: { renewal: true } });
});

test('an item held by someone else cannot be claimed or decided: 409 naming the holder', async () => {
  const ana = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const item = pendingItem();
  await post(`/api/items/${item.id}/claim`, ana.cookie);
  const claim = await post(`/api/items/${item.id}/claim`, ben.cookie);
  expect(claim.status).toBe(409);
  const refusal = ErrorBody.parse(await claim.json());
  expect(refusal.error.code).toBe('held');
  expect(refusal.error.message).toContain('Ana Ortiz');
  const decide = await post(
    `/api/items/${item.id}/decisions`,
    ben.cookie,
    dismiss(item.version, 'key-ben-0001'),
  );
  expect(decide.status).toBe(409);
  expect(item.status).toBe('pending');
});

test('releasing gives the item up, and is audited', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  await post(`/api/items/${item.id}/claim`, cookie);
  const released = ClaimResult.parse(
    await (await post(`/api/items/${item.id}/claim`, cookie, undefined, 'DELETE')).json(),
  );
  expect(released.item.lease).toBeNull();
  expect(lastEvent()).toMatchObject({ action: 'item.released', actor: { id: 'usr_ana' } });
});

test('a first-review decision moves the item on, bumps its version, frees it and is audited', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  const version = item.version;
  const confirm = {
    verdict: { kind: 'confirm', classification: 'B1', annotations: ['generativeAi'] },
    note: 'clear match',
    itemVersion: version,
    idempotencyKey: 'key-ana-0001',
  };
  const result = DecisionResult.parse(
    await (await post(`/api/items/${item.id}/decisions`, cookie, confirm)).json(),
  );
  expect(result.item).toMatchObject({
    status: 'awaiting_second_review',
    version: version + 1,
    lease: null,
  });
  expect(result.decision).toMatchObject({
    stage: 'first',
    itemVersion: version,
    actor: { id: 'usr_ana' },
  });
  expect(lastEvent()).toMatchObject({ action: 'item.decided', detail: { verdict: 'confirm' } });
});

test('the same decision sent twice is recorded once, and the replay is on the record', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  const madeAt = new Date(Date.now() - 60_000).toISOString(); // made offline a minute ago
  const body = { ...dismiss(item.version, 'key-ana-0002'), madeAt };
  const first = DecisionResult.parse(
    await (await post(`/api/items/${item.id}/decisions`, cookie, body)).json(),
  );
  const again = DecisionResult.parse(
    await (await post(`/api/items/${item.id}/decisions`, cookie, body)).json(),
  );
  expect(again.decision.id).toBe(first.decision.id);
  expect(testBackend.state.decisions.get(item.id)).toHaveLength(1);
  const [decided, replayed] = testBackend.state.audit.range(testBackend.state.audit.size - 1, 2);
  expect(decided).toMatchObject({ action: 'item.decided', detail: { madeAt } });
  expect(replayed).toMatchObject({
    action: 'item.decision_replayed',
    detail: { decisionId: first.decision.id },
  });
});

test('a decision on an old version, or on a decided item, is a 409 that overwrites nothing', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  const stale = await post(
    `/api/items/${item.id}/decisions`,
    cookie,
    dismiss(item.version + 7, 'key-ana-0003'),
  );
  expect(stale.status).toBe(409);
  expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  await post(`/api/items/${item.id}/decisions`, cookie, dismiss(item.version, 'key-ana-0004'));
  const again = await post(
    `/api/items/${item.id}/decisions`,
    cookie,
    dismiss(item.version, 'key-ana-0005'),
  );
  expect(await again.json()).toMatchObject({ error: { code: 'already_decided' } });
  expect(testBackend.state.decisions.get(item.id)).toHaveLength(1);
});

test('a lapsed lease does not protect its holder: another analyst may claim and decide', async () => {
  const ana = signInForTest('usr_ana');
  const ben = signInForTest('usr_ben');
  const item = pendingItem();
  await post(`/api/items/${item.id}/claim`, ana.cookie);
  item.lease = {
    holderId: 'usr_ana',
    holderName: 'Ana Ortiz',
    expiresAt: new Date(Date.now() - 1000).toISOString(),
    window: null,
  };
  expect((await post(`/api/items/${item.id}/claim`, ben.cookie)).status).toBe(200);
  expect(
    (
      await post(
        `/api/items/${item.id}/decisions`,
        ben.cookie,
        dismiss(item.version, 'key-ben-0002'),
      )
    ).status,
  ).toBe(200);
  const late = await post(
    `/api/items/${item.id}/decisions`,
    ana.cookie,
    dismiss(item.version - 1, 'key-ana-0006'),
  );
  expect(late.status).toBe(409);
});

test('a decision queued while offline is accepted after its own lease lapsed, if the item is unchanged and free', async () => {
  const ana = signInForTest('usr_ana');
  const item = pendingItem();
  await post(`/api/items/${item.id}/claim`, ana.cookie);
  item.lease = {
    holderId: 'usr_ana',
    holderName: 'Ana Ortiz',
    expiresAt: new Date(Date.now() - 60_000).toISOString(),
    window: null,
  };
  const late = await post(
    `/api/items/${item.id}/decisions`,
    ana.cookie,
    dismiss(item.version, 'key-ana-0007'),
  );
  expect(late.status).toBe(200);
});

test('“other” needs a note; auditors may not claim or decide', async () => {
  const { cookie } = signInForTest('usr_ana');
  const item = pendingItem();
  const other = {
    ...dismiss(item.version, 'key-ana-0007'),
    verdict: { kind: 'dismiss', reason: 'other' },
  };
  expect((await post(`/api/items/${item.id}/decisions`, cookie, other)).status).toBe(400);
  const auditor = signInForTest('usr_alex');
  expect((await post(`/api/items/${item.id}/claim`, auditor.cookie)).status).toBe(403);
  expect(
    (
      await post(
        `/api/items/${item.id}/decisions`,
        auditor.cookie,
        dismiss(item.version, 'key-alex-001'),
      )
    ).status,
  ).toBe(403);
});

describe('four eyes', () => {
  const confirmBody = (itemVersion: number, idempotencyKey: string) => ({
    verdict: { kind: 'confirm', classification: 'B1', annotations: [] },
    note: null,
    itemVersion,
    idempotencyKey,
  });
  const detail = async (itemId: string, cookie: string) =>
    ItemDetail.parse(
      await (await fetch(`${base}/api/items/${itemId}`, { headers: { cookie } })).json(),
    );
  const firstConfirmed = async () => {
    const ana = signInForTest('usr_ana');
    const item = pendingItem();
    await post(`/api/items/${item.id}/claim`, ana.cookie);
    const sent = await post(
      `/api/items/${item.id}/decisions`,
      ana.cookie,
      confirmBody(item.version, `key-ana-${item.id}`),
    );
    expect(sent.status).toBe(200);
    expect(item.status).toBe('awaiting_second_review');
    return { item, ana };
  };

  test('the second reviewer receives the item without the first verdict until deciding; its author and auditors see it', async () => {
    const { item, ana } = await firstConfirmed();
    const ben = signInForTest('usr_ben');
    const blind = await detail(item.id, ben.cookie);
    expect(blind.blindSecondReview).toBe(true);
    expect(blind.decisions).toEqual([]);
    expect(JSON.stringify(blind)).not.toContain('"B1"');
    expect((await detail(item.id, ana.cookie)).decisions).toHaveLength(1);
    expect((await detail(item.id, signInForTest('usr_alex').cookie)).decisions).toHaveLength(1);

    await post(`/api/items/${item.id}/claim`, ben.cookie);
    const agreed = DecisionResult.parse(
      await (
        await post(
          `/api/items/${item.id}/decisions`,
          ben.cookie,
          confirmBody(item.version, `key-ben-${item.id}`),
        )
      ).json(),
    );
    expect(agreed.decision.stage).toBe('second');
    expect(agreed.item.status).toBe('confirmed');
    const after = await detail(item.id, ben.cookie);
    expect(after.blindSecondReview).toBe(false);
    expect(after.decisions.map((d) => [d.stage, d.actor.id])).toEqual([
      ['first', 'usr_ana'],
      ['second', 'usr_ben'],
    ]);
  });

  test('the first reviewer can neither claim nor make the second review: 403', async () => {
    const { item, ana } = await firstConfirmed();
    expect((await post(`/api/items/${item.id}/claim`, ana.cookie)).status).toBe(403);
    const own = await post(
      `/api/items/${item.id}/decisions`,
      ana.cookie,
      confirmBody(item.version, `key-ana2-${item.id}`),
    );
    expect(own.status).toBe(403);
    expect(ErrorBody.parse(await own.json()).error.message).toMatch(/someone else/);
    expect(item.status).toBe('awaiting_second_review');
  });

  test('a disagreement goes to the supervisors, who decide with a rationale, finally', async () => {
    const { item } = await firstConfirmed();
    const ben = signInForTest('usr_ben');
    await post(`/api/items/${item.id}/claim`, ben.cookie);
    await post(
      `/api/items/${item.id}/decisions`,
      ben.cookie,
      dismiss(item.version, `kb-${item.id}`),
    );
    expect(item.status).toBe('escalated');

    expect((await post(`/api/items/${item.id}/claim`, ben.cookie)).status).toBe(403);
    const sasha = signInForTest('usr_sasha');
    expect((await post(`/api/items/${item.id}/claim`, sasha.cookie)).status).toBe(200);
    const bare = await post(
      `/api/items/${item.id}/decisions`,
      sasha.cookie,
      confirmBody(item.version, `ks0-${item.id}`),
    );
    expect(bare.status).toBe(400);
    const final = DecisionResult.parse(
      await (
        await post(`/api/items/${item.id}/decisions`, sasha.cookie, {
          ...confirmBody(item.version, `ks1-${item.id}`),
          note: 'The body proportions and setting indicate a minor; B1 stands.',
        })
      ).json(),
    );
    expect(final.decision.stage).toBe('supervisor');
    expect(final.item.status).toBe('confirmed');
    const again = await post(`/api/items/${item.id}/claim`, sasha.cookie);
    expect(again.status).toBe(409);

    // Ben, whose second review disagreed, sees the outcome.
    const mine = MyEscalations.parse(
      await (
        await fetch(`${base}/api/escalations/mine`, { headers: { cookie: ben.cookie } })
      ).json(),
    );
    expect(mine.escalations[0]).toMatchObject({
      itemId: item.id,
      kind: 'disagreement',
      status: 'confirmed',
      resolution: { stage: 'supervisor', actor: { id: 'usr_sasha' } },
    });
  });

  test('dismissing an NCMEC hash match needs a second review; other dismissals do not', async () => {
    const ana = signInForTest('usr_ana');
    const free = testBackend.state.items.filter((i) => i.status === 'pending' && i.lease === null);
    const ncmec = free.find((i) =>
      i.signals.some((s) => s.kind === 'hash_match' && s.hashList === 'ncmec'),
    );
    const other = free.find((i) => i.signals.every((s) => s.kind !== 'hash_match'));
    if (!ncmec || !other) throw new Error('seed lacks the items');
    for (const item of [ncmec, other])
      await post(
        `/api/items/${item.id}/decisions`,
        ana.cookie,
        dismiss(item.version, `kd-${item.id}`),
      );
    expect(ncmec.status).toBe('awaiting_second_review');
    expect(other.status).toBe('dismissed');
  });
});

describe('undo', () => {
  const decideAsAna = async () => {
    const ana = signInForTest('usr_ana');
    const item = pendingItem();
    const key = `undo-${item.id}`;
    const result = DecisionResult.parse(
      await (
        await post(`/api/items/${item.id}/decisions`, ana.cookie, dismiss(item.version, key))
      ).json(),
    );
    return { ana, item, key, decisionId: result.decision.id };
  };
  const undo = (itemId: string, idempotencyKey: string, cookie: string) =>
    post(`/api/items/${itemId}/decisions/undo`, cookie, { idempotencyKey });

  test('within the window the author takes the decision back: no decision, the item waits again, audited, the key refused later', async () => {
    const { ana, item, key, decisionId } = await decideAsAna();
    const version = item.version;
    const response = await undo(item.id, key, ana.cookie);
    expect(response.status).toBe(200);
    expect(item.status).toBe('pending');
    expect(item.version).toBe(version + 1);
    expect(testBackend.state.decisions.get(item.id)?.some((d) => d.id === decisionId)).toBe(false);
    expect(lastEvent()).toMatchObject({
      action: 'item.decision_undone',
      detail: { decisionId },
      actor: { id: 'usr_ana' },
    });
    // A stale copy of the same decision, sent again, is not recorded.
    const resent = await post(
      `/api/items/${item.id}/decisions`,
      ana.cookie,
      dismiss(item.version, key),
    );
    expect(resent.status).toBe(409);
    expect(testBackend.state.decisions.get(item.id) ?? []).toEqual([]);
  });

  test('someone else’s decision cannot be undone (its key is not theirs: 404); nor one past its window (409); nor an unknown key (404)', async () => {
    const { ana, item, key } = await decideAsAna();
    expect((await undo(item.id, key, signInForTest('usr_ben').cookie)).status).toBe(404);
    expect((await undo(item.id, 'no-such-key-0000', ana.cookie)).status).toBe(404);
    const decision = testBackend.state.decisions.get(item.id)?.at(-1);
    if (!decision) throw new Error('no decision');
    decision.at = new Date(Date.now() - 60_000).toISOString();
    const late = await undo(item.id, key, ana.cookie);
    expect(late.status).toBe(409);
    expect(ErrorBody.parse(await late.json()).error.message).toMatch(/A supervisor can correct/);
    expect(item.status).not.toBe('pending');
  });

  test('a second review cannot be undone: its author has seen the first verdict', async () => {
    const ana = signInForTest('usr_ana');
    const ben = signInForTest('usr_ben');
    const item = pendingItem();
    await post(`/api/items/${item.id}/decisions`, ana.cookie, {
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      note: null,
      itemVersion: item.version,
      idempotencyKey: `u2a-${item.id}`,
    });
    await post(
      `/api/items/${item.id}/decisions`,
      ben.cookie,
      dismiss(item.version, `u2b-${item.id}`),
    );
    expect(item.status).toBe('escalated');
    const refused = await undo(item.id, `u2b-${item.id}`, ben.cookie);
    expect(refused.status).toBe(403);
    expect(item.status).toBe('escalated');
  });
});

describe('supervisor corrections and holds', () => {
  test('a correction supersedes a decision, which stays in the history; audited; not twice', async () => {
    const ana = signInForTest('usr_ana');
    const sasha = signInForTest('usr_sasha');
    const item = pendingItem();
    const first = DecisionResult.parse(
      await (
        await post(
          `/api/items/${item.id}/decisions`,
          ana.cookie,
          dismiss(item.version, `c0-${item.id}`),
        )
      ).json(),
    );
    const correction = (key: string) => ({
      supersedes: first.decision.id,
      verdict: { kind: 'confirm', classification: 'A2', annotations: [] },
      rationale: 'Reviewed the derivative again: not adult content.',
      itemVersion: item.version,
      idempotencyKey: key,
    });
    expect(
      (await post(`/api/items/${item.id}/corrections`, ana.cookie, correction(`c1-${item.id}`)))
        .status,
    ).toBe(403);
    const corrected = DecisionResult.parse(
      await (
        await post(`/api/items/${item.id}/corrections`, sasha.cookie, correction(`c2-${item.id}`))
      ).json(),
    );
    expect(corrected.decision).toMatchObject({
      stage: 'supervisor',
      supersedes: first.decision.id,
    });
    expect(corrected.item.status).toBe('confirmed');
    expect(testBackend.state.decisions.get(item.id)?.map((d) => d.id)).toEqual([
      first.decision.id,
      corrected.decision.id,
    ]);
    expect(lastEvent()).toMatchObject({
      action: 'item.decision_corrected',
      detail: { supersedes: first.decision.id },
    });
    const again = await post(`/api/items/${item.id}/corrections`, sasha.cookie, {
      ...correction(`c3-${item.id}`),
      itemVersion: item.version,
    });
    expect(again.status).toBe(409);
  });

  test('a supervisor who made a decision on the item cannot correct it: another must', async () => {
    const sasha = signInForTest('usr_sasha');
    const item = pendingItem();
    const own = DecisionResult.parse(
      await (
        await post(
          `/api/items/${item.id}/decisions`,
          sasha.cookie,
          dismiss(item.version, `s0-${item.id}`),
        )
      ).json(),
    );
    const response = await post(`/api/items/${item.id}/corrections`, sasha.cookie, {
      supersedes: own.decision.id,
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      rationale: 'Changed my mind.',
      itemVersion: item.version,
      idempotencyKey: `s1-${item.id}`,
    });
    expect(response.status).toBe(403);
  });

  test('a supervisor releases or reassigns an item someone holds; analysts may not', async () => {
    const ana = signInForTest('usr_ana');
    const sasha = signInForTest('usr_sasha');
    const item = pendingItem();
    await post(`/api/items/${item.id}/claim`, ana.cookie);
    expect(
      (await post(`/api/items/${item.id}/holder`, ana.cookie, { holderId: null })).status,
    ).toBe(403);

    const reassigned = ClaimResult.parse(
      await (
        await post(`/api/items/${item.id}/holder`, sasha.cookie, { holderId: 'usr_ben' })
      ).json(),
    );
    expect(reassigned.item.lease?.holderName).toBe('Ben Okafor');
    expect(lastEvent()).toMatchObject({
      action: 'item.reassigned',
      detail: { previousHolderId: 'usr_ana', holderId: 'usr_ben' },
    });
    expect((await post(`/api/items/${item.id}/claim`, ana.cookie)).status).toBe(409);

    await post(`/api/items/${item.id}/holder`, sasha.cookie, { holderId: null });
    expect(item.lease).toBeNull();
    expect(lastEvent()).toMatchObject({
      action: 'item.released',
      detail: { previousHolderId: 'usr_ben' },
    });
    expect(
      (await post(`/api/items/${item.id}/holder`, sasha.cookie, { holderId: 'usr_alex' })).status,
    ).toBe(400);
  });
});

describe('start reviewing', () => {
  const next = async (queueId: string, cookie: string) =>
    NextItem.parse(await (await post(`/api/queues/${queueId}/next`, cookie)).json()).item;

  test('claims the highest-priority free item, and never gives two reviewers the same one', async () => {
    const ana = signInForTest('usr_ana');
    const ben = signInForTest('usr_ben');
    const first = await next('q-text', ana.cookie);
    const second = await next('q-text', ben.cookie);
    expect(first?.lease?.holderId).toBe('usr_ana');
    expect(second?.lease?.holderId).toBe('usr_ben');
    expect(second?.id).not.toBe(first?.id);
    expect(first && second && first.priority <= second.priority).toBe(true);
  });

  test('in second review, never one the caller reviewed first; escalations only for supervisors', async () => {
    const ben = signInForTest('usr_ben');
    const own = pendingItem();
    await post(`/api/items/${own.id}/decisions`, ben.cookie, {
      verdict: { kind: 'confirm', classification: null, annotations: [] },
      note: null,
      itemVersion: own.version,
      idempotencyKey: `own-${own.id}`,
    });
    const waiting = testBackend.state.items.filter((i) => i.status === 'awaiting_second_review');
    const mine = waiting
      .filter((i) => testBackend.state.decisions.get(i.id)?.at(-1)?.actor.id === 'usr_ben')
      .map((i) => i.id);
    expect(mine.length).toBeGreaterThan(0);
    // Ben takes each item he is given off the queue (by escalating it), so he never holds more
    // than one at a time.
    const given: string[] = [];
    for (let item = await next('q-second-review', ben.cookie); item;) {
      given.push(item.id);
      await post(`/api/items/${item.id}/decisions`, ben.cookie, {
        verdict: { kind: 'escalate', reason: 'Taken off the queue by the test' },
        note: null,
        itemVersion: item.version,
        idempotencyKey: `drain-${item.id}`,
      });
      item = given.length > waiting.length ? null : await next('q-second-review', ben.cookie);
    }
    expect(given.length).toBeGreaterThan(0);
    expect(given.length).toBeLessThanOrEqual(waiting.length - mine.length);
    expect(given.filter((id) => mine.includes(id))).toEqual([]);
    expect(await next('q-escalations', ben.cookie)).toBeNull();
    expect(await next('q-escalations', signInForTest('usr_sasha').cookie)).not.toBeNull();
  });
});
