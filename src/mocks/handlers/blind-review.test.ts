import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/endpoints';
import { AuditPage } from '../../api/schemas/audit';
import { ErrorBody } from '../../api/schemas/common';
import { Cluster } from '../../api/schemas/cluster';
import { ClaimResult, ItemDetail, NextItem } from '../../api/schemas/decision';
import { ItemPage, type FlaggedItem } from '../../api/schemas/item';
import { Insights } from '../../api/schemas/insights';
import { ReportList } from '../../api/schemas/report-workflow';
import { GENESIS_HASH } from '../../api/audit-canonical';
import { createChainVerifier } from '../../domain/audit-verification';
import { sha256Hex } from '../../lib/sha256-hex';
import { callMock, signInForTest, testBackend } from '../../test/mock-server';
import { sampledForSecondReview } from '../backend/blind-review';

/**
 * The eligible second reviewer learns no first verdict from any endpoint: every view of an item
 * awaiting its blind second review either withholds the verdict or takes its reader off the review.
 */

const get = async (path: string, cookie: string) => {
  const response = await callMock(path, { cookie });
  return { status: response.status, json: (await response.json()) as unknown };
};
const post = (path: string, cookie: string, body?: unknown) =>
  callMock(path, {
    method: 'POST',
    cookie,
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: body === undefined ? null : JSON.stringify(body),
  });
const isNcmecMatch = (item: FlaggedItem) =>
  item.signals.some((s) => s.kind === 'hash_match' && s.hashList === 'ncmec');
const freePending = (where: (item: FlaggedItem) => boolean = () => true) => {
  const item = testBackend.state.items.find(
    (i) => i.status === 'pending' && i.lease === null && !isNcmecMatch(i) && where(i),
  );
  if (!item) throw new Error('no such pending item');
  return item;
};

/** Ana's first review: the item now awaits a blind second review. */
async function firstReview(item: FlaggedItem, kind: 'confirm' | 'dismiss') {
  const ana = signInForTest('usr_ana');
  const response = await post(`/api/items/${item.id}/decisions`, ana.cookie, {
    verdict:
      kind === 'confirm'
        ? { kind, classification: 'A1', annotations: [] }
        : { kind, reason: 'adult_content' },
    note: 'first reviewer’s note',
    itemVersion: item.version,
    idempotencyKey: `first-${item.id}`,
    madeBy: 'usr_ana',
  });
  expect(response.status).toBe(200);
  expect(item.status).toBe('awaiting_second_review');
}

test('a share of first dismissals goes to a blind second review, so waiting there tells nothing', async () => {
  const secret = testBackend.state.reviewSecret;
  const sampled = freePending((i) => sampledForSecondReview(secret, i));
  const notSampled = freePending((i) => !sampledForSecondReview(secret, i));
  await firstReview(sampled, 'dismiss');
  const ana = signInForTest('usr_ana');
  await post(`/api/items/${notSampled.id}/decisions`, ana.cookie, {
    verdict: { kind: 'dismiss', reason: 'adult_content' },
    note: null,
    itemVersion: notSampled.version,
    idempotencyKey: `first-${notSampled.id}`,
    madeBy: 'usr_ana',
  });
  expect(notSampled.status).toBe('dismissed');
  // Roughly the stated share of dismissals is drawn, and the draw is the server's own.
  const drawn = testBackend.state.items.filter((i) => sampledForSecondReview(secret, i)).length;
  expect(drawn / testBackend.state.items.length).toBeGreaterThan(0.15);
  expect(drawn / testBackend.state.items.length).toBeLessThan(0.35);
  // The seeded second-review queue holds both kinds of first verdict.
  const firstVerdicts = testBackend.state.items
    .filter((i) => i.status === 'awaiting_second_review')
    .map((i) => testBackend.state.decisions.get(i.id)?.at(-1)?.verdict.kind);
  expect(new Set(firstVerdicts)).toEqual(new Set(['confirm', 'dismiss']));
});

/** Every object in a response that speaks of the item: it holds the item's id as one of its values. */
function mentionsOf(json: unknown, itemId: string): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const values = Object.values(node);
      if (values.includes(itemId)) found.push(node);
      values.forEach(walk);
    }
  };
  walk(json);
  return found;
}

/** What would tell the first verdict of an item Ana confirmed as A1 with a note. */
const tellingOf = (item: FlaggedItem) => ({
  anywhere: ['first reviewer’s note', `dec_${item.id.slice(4)}`],
  nearTheItem: ['"confirm"', '"confirmed"', '"A1"', '"verdict"', '"classification"'],
});

test('no item, list, queue, cluster or report view tells the eligible second reviewer the first verdict', async () => {
  const item = freePending();
  await firstReview(item, 'confirm');
  const sasha = signInForTest('usr_sasha').cookie;
  const detail = ItemDetail.parse((await get(`/api/items/${item.id}`, sasha)).json);
  expect(detail).toMatchObject({
    decisions: [],
    blindSecondReview: true,
    secondReviewBarred: false,
  });
  const telling = tellingOf(item);
  // Views that list the item itself, and views that summarise or hold it.
  const listing = [
    `/api/items/${item.id}`,
    `/api/items?q=${item.id}`,
    `/api/items?status=awaiting_second_review&limit=200`,
    `/api/queues/q-second-review/items?limit=200`,
    `/api/items/${item.id}/cluster`,
  ];
  const summarising = ['/api/queues', '/api/escalations/mine', '/api/reports', '/api/filters'];
  for (const path of [...listing, ...summarising]) {
    const { status, json } = await get(path, sasha);
    expect(status, path).toBe(200);
    const text = JSON.stringify(json);
    for (const word of telling.anywhere) expect(text, `${path} ${word}`).not.toContain(word);
    const mentions = mentionsOf(json, item.id);
    if (listing.includes(path)) expect(mentions.length, path).toBeGreaterThan(0);
    for (const mention of mentions)
      for (const word of telling.nearTheItem)
        expect(JSON.stringify(mention), `${path} ${word}`).not.toContain(word);
  }
  ItemPage.parse((await get(`/api/items?status=awaiting_second_review`, sasha)).json);
  Cluster.parse((await get(`/api/items/${item.id}/cluster`, sasha)).json);
  const reports = ReportList.parse((await get('/api/reports', sasha)).json);
  expect(JSON.stringify(reports)).not.toContain(item.id);

  // Holding the item for its second review hands her the item without its first verdict.
  const claim = await post(`/api/items/${item.id}/claim`, sasha);
  expect(claim.status).toBe(200);
  const held = JSON.stringify(ClaimResult.parse(await claim.json()));
  for (const word of [...telling.anywhere, ...telling.nearTheItem])
    expect(held, `claim ${word}`).not.toContain(word);
});

test('insights read by the eligible second reviewer are the same whichever way the first review went', async () => {
  const sasha = signInForTest('usr_sasha').cookie;
  const verdictTelling = async () => {
    const { rules, hashes, suppliers, agreement } = Insights.parse(
      (await get('/api/insights', sasha)).json,
    );
    return { rules, hashes, suppliers, agreement };
  };
  const before = await verdictTelling();
  await firstReview(freePending(), 'confirm');
  expect(await verdictTelling()).toEqual(before);
});

test('reading the first verdict in the audit log takes the supervisor off that second review, on the record', async () => {
  const item = freePending();
  await firstReview(item, 'confirm');
  const sasha = signInForTest('usr_sasha').cookie;
  // Sasha holds the item for its second review, then reads its audit trail.
  expect((await post(`/api/items/${item.id}/claim`, sasha)).status).toBe(200);
  const page = AuditPage.parse((await get(`/api/audit?subjectId=${item.id}`, sasha)).json);
  expect(
    page.events.some((e) => e.action === 'item.decided' && e.detail.verdict === 'confirm'),
  ).toBe(true); // the log is whole
  expect(page.secondReviewsBarred).toEqual([item.id]);
  expect(item.lease).toBeNull(); // her hold is released

  const claim = await post(`/api/items/${item.id}/claim`, sasha);
  expect(claim.status).toBe(403);
  expect(ErrorBody.parse(await claim.json()).error.message).toMatch(
    /read this item’s first verdict/,
  );
  const decide = await post(`/api/items/${item.id}/decisions`, sasha, {
    verdict: { kind: 'confirm', classification: 'A1', annotations: [] },
    note: null,
    itemVersion: item.version,
    idempotencyKey: `second-${item.id}`,
    madeBy: 'usr_sasha',
  });
  expect(decide.status).toBe(403);
  // However far she works through the second-review queue, it never offers her this item.
  for (let i = 0; i < 50; i++) {
    const next = NextItem.parse(
      await (await post('/api/queues/q-second-review/next', sasha)).json(),
    );
    expect(next.item?.id).not.toBe(item.id);
    if (!next.item) break;
    await post(`/api/items/${next.item.id}/decisions`, sasha, {
      verdict: { kind: 'escalate', reason: 'Taken off the queue by the test' },
      note: null,
      itemVersion: next.item.version,
      idempotencyKey: `drain-${next.item.id}`,
      madeBy: 'usr_sasha',
    });
  }
  const detail = ItemDetail.parse((await get(`/api/items/${item.id}`, sasha)).json);
  expect(detail).toMatchObject({ blindSecondReview: false, secondReviewBarred: true });

  // On the record, and the log still verifies end to end.
  const alex = signInForTest('usr_alex').cookie;
  const trail = AuditPage.parse((await get(`/api/audit?subjectId=${item.id}`, alex)).json);
  expect(trail.events.slice(-3)).toMatchObject([
    {
      action: 'item.second_review_barred',
      actor: { id: 'usr_sasha' },
      detail: { reason: 'read_first_verdict', released: true },
    },
    // Her refused claim and second review are on the record too, without the verdict she tried.
    { action: 'item.claim_refused', actor: { id: 'usr_sasha' }, detail: { status: 403 } },
    { action: 'item.decision_refused', actor: { id: 'usr_sasha' }, detail: { status: 403 } },
  ]);
  expect(trail.events.at(-1)?.detail).not.toHaveProperty('verdict');
  const all = testBackend.state.audit.range(1, testBackend.state.audit.size);
  const verifier = createChainVerifier({ firstSeq: 1, prevHash: GENESIS_HASH, sha256Hex });
  expect(verifier.push(all)).toBeNull();

  // Someone who did not read it still makes the blind second review.
  const ben = signInForTest('usr_ben').cookie;
  expect((await post(`/api/items/${item.id}/claim`, ben)).status).toBe(200);
});

test('either audit export bars as reading a page does; auditors, who never review, are never barred', async () => {
  const item = freePending();
  await firstReview(item, 'confirm');
  const alex = signInForTest('usr_alex').cookie;
  const alexPage = AuditPage.parse((await get(`/api/audit?subjectId=${item.id}`, alex)).json);
  expect(alexPage.secondReviewsBarred).toEqual([]);

  const sasha = signInForTest('usr_sasha').cookie;
  const csv = await callMock(`/api/audit/export.csv?subjectId=${item.id}`, { cookie: sasha });
  expect(await csv.text()).toContain('item.decided');
  expect((await post(`/api/items/${item.id}/claim`, sasha)).status).toBe(403);

  const other = freePending();
  await firstReview(other, 'confirm');
  const mira = signInForTest('usr_mira').cookie;
  const jsonl = await callMock(`/api/audit/export.jsonl?subjectId=${other.id}`, { cookie: mira });
  expect(await jsonl.text()).toContain('item.decided');
  expect((await post(`/api/items/${other.id}/claim`, mira)).status).toBe(403);

  // Analysts cannot read the audit log at all.
  expect(
    (await get(`/api/audit?subjectId=${item.id}`, signInForTest('usr_ben').cookie)).status,
  ).toBe(403);
});
