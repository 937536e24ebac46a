import { expect, test } from 'vitest';
import type { AuditEvent } from '../../api/schemas/audit';
import type { FlaggedItem } from '../../api/schemas/item';
import { Report } from '../../api/schemas/report';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';
import { call, explainGaps, getReport, listReports, transition } from '../../test/reports';
import { isBlindFor } from '../backend/blind-review';

const events = () => testBackend.state.audit.range(1, testBackend.state.audit.size);
const appendedSince = (size: number): readonly AuditEvent[] =>
  testBackend.state.audit.range(size + 1, testBackend.state.audit.size - size);

/** Exactly one event was appended since `size`, and it matches `event`. */
const expectAppended = (size: number, event: Record<string, unknown>) =>
  expect(appendedSince(size)).toMatchObject([event]);

const freePending = () => {
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  return item;
};
const freeBlurred = () => {
  const item = testBackend.state.items.find(
    (i) => i.status === 'pending' && i.lease === null && i.preview.mode === 'blurred',
  );
  if (!item) throw new Error('no free blurred item');
  return item;
};

const decide = (item: FlaggedItem, cookie: string, madeBy: string, key: string) =>
  call('POST', `/api/items/${item.id}/decisions`, cookie, {
    verdict: { kind: 'confirm', classification: 'A2', annotations: [] },
    note: null,
    itemVersion: item.version,
    idempotencyKey: key,
    madeBy,
  });

test('an auditor’s reveal is refused (403) and the attempt is on the record, with why', async () => {
  const alex = signInForTest('usr_alex');
  const item = freeBlurred();
  const before = testBackend.state.audit.size;
  expect((await call('POST', `/api/items/${item.id}/reveal`, alex.cookie)).status).toBe(403);
  expectAppended(before, {
    actor: { id: 'usr_alex', name: 'Alex Kim', role: 'auditor' },
    action: 'media.reveal_refused',
    subject: { type: 'item', id: item.id },
    detail: { status: 403, refusal: 'forbidden' },
  });
  expect(String(appendedSince(before)[0]?.detail.message)).toContain(
    'auditor role may not call revealItem',
  );
});

test('a claim on an item someone else holds is refused (409) and recorded', async () => {
  const item = freePending();
  const ben = signInForTest('usr_ben');
  expect((await call('POST', `/api/items/${item.id}/claim`, ben.cookie)).status).toBe(200);
  const ana = signInForTest('usr_ana');
  const before = testBackend.state.audit.size;
  expect((await call('POST', `/api/items/${item.id}/claim`, ana.cookie)).status).toBe(409);
  expectAppended(before, {
    actor: { id: 'usr_ana' },
    action: 'item.claim_refused',
    subject: { type: 'item', id: item.id },
    detail: { status: 409, refusal: 'held' },
  });
});

test('a refused decision records who tried which review on which version, never the verdict', async () => {
  const item = freePending();
  const ana = signInForTest('usr_ana');
  expect((await decide(item, ana.cookie, 'usr_ana', 'refusal-first')).status).toBe(200);
  expect(item.status).toBe('awaiting_second_review');

  // Ana tries the second review of her own first review: 403, on the record without a verdict.
  let before = testBackend.state.audit.size;
  expect((await decide(item, ana.cookie, 'usr_ana', 'refusal-again')).status).toBe(403);
  const [refused] = appendedSince(before);
  expect(refused).toMatchObject({
    action: 'item.decision_refused',
    detail: { status: 403, refusal: 'forbidden', stage: 'second', itemVersion: item.version },
  });
  for (const key of ['verdict', 'classification', 'reason', 'outcome'])
    expect(refused?.detail).not.toHaveProperty(key);
  expect(JSON.stringify(refused?.detail)).not.toMatch(/A2|confirm/i);

  // Ben, who may make the blind second review, decides on a stale version: 409, on the record.
  const ben = signInForTest('usr_ben');
  before = testBackend.state.audit.size;
  const stale = { ...item, version: item.version - 1 };
  expect((await decide(stale, ben.cookie, 'usr_ben', 'refusal-stale')).status).toBe(409);
  expectAppended(before, {
    action: 'item.decision_refused',
    detail: { status: 409, refusal: 'version_conflict' },
  });
  // Reading the refusals tells Mira no first verdict, so it takes her off nothing.
  const mira = signInForTest('usr_mira');
  const page = await callMock(`/api/audit?subjectId=${item.id}&action=item.decision_refused`, {
    cookie: mira.cookie,
  });
  expect(((await page.json()) as { secondReviewsBarred: string[] }).secondReviewsBarred).toEqual(
    [],
  );
  expect(isBlindFor(testBackend.state, item, mira.user)).toBe(true);
});

test('a supervisor’s refused approval (four eyes) is recorded', async () => {
  const ana = signInForTest('usr_ana').cookie;
  const sasha = signInForTest('usr_sasha').cookie;
  const { reports } = await listReports(ana, '&status=draft');
  const draft = await getReport(reports[0]?.id ?? '', sasha);
  // Sasha edits the draft herself, so she may not approve it.
  const explained = Report.parse((await explainGaps(draft, sasha)).json);
  const submitted = await transition(explained, ana, 'in_review');
  const before = testBackend.state.audit.size;
  const refused = await call('POST', `/api/reports/${submitted.id}/transitions`, sasha, {
    version: submitted.version,
    to: 'approved',
    comment: null,
  });
  expect(refused.status).toBe(403);
  expectAppended(before, {
    actor: { id: 'usr_sasha' },
    action: 'report.approval_refused',
    subject: { type: 'report', id: submitted.id },
    detail: { status: 403, refusal: 'four_eyes' },
  });
});

test('reads, unsigned requests, requests without the CSRF header and 404s are not recorded as refusals', async () => {
  const ana = signInForTest('usr_ana');
  const item = freeBlurred();
  const before = events().length;
  expect((await callMock('/api/audit', { cookie: ana.cookie })).status).toBe(403);
  expect((await callMock('/api/insights', { cookie: ana.cookie })).status).toBe(403);
  expect(
    (await callMock(`/api/items/${item.id}/reveal`, { method: 'POST', cookie: ana.cookie })).status,
  ).toBe(403);
  expect((await call('POST', `/api/items/${item.id}/reveal`, '')).status).toBe(401);
  expect((await call('POST', '/api/items/itm_nothere/claim', ana.cookie)).status).toBe(404);
  expect(
    events()
      .slice(before)
      .map((e) => e.action),
  ).toEqual([]);
});

test('“Start reviewing” refused for the hold limit records the claim it refused', async () => {
  const ana = signInForTest('usr_ana');
  const limit = testBackend.config.maxHeld;
  const held = () =>
    testBackend.state.items.filter(
      (i) => i.lease?.holderId === 'usr_ana' && Date.parse(i.lease.expiresAt) > Date.now(),
    ).length;
  for (const item of testBackend.state.items) {
    if (held() >= limit) break;
    if (item.status === 'pending' && item.lease === null)
      await call('POST', `/api/items/${item.id}/claim`, ana.cookie);
  }
  const before = testBackend.state.audit.size;
  const answer = await call('POST', '/api/queues/q-clf-high/next', ana.cookie);
  expect(answer.status).toBe(409);
  expectAppended(before, {
    action: 'item.claim_refused',
    detail: { status: 409, refusal: 'hold_limit' },
  });
});
