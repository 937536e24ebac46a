import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { ErrorBody } from '../../api/schemas/common';
import { ClaimResult, NextItem } from '../../api/schemas/decision';
import type { FlaggedItem } from '../../api/schemas/item';
import { auditRange } from '../audit/audit-chain';
import { demoUsers } from '../directory/directory';
import { barVerdictReaders, sampledForSecondReview } from '../review/blind-review';
import { openTestServer, type TestServer } from '../testing/test-server';
import { auditSize, claim, decide, freeUnmatched, itemNow } from './review-test-kit';

/** The blind second review where it meets claims, "next" and decisions. */

let server: TestServer;
beforeAll(async () => {
  server = await openTestServer();
}, 120_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

/** Ana's first review: the item now awaits a blind second review. */
async function firstReview(item: FlaggedItem, kind: 'confirm' | 'dismiss') {
  const ana = await server.signIn('usr_ana');
  const response = await decide(ana, item.id, {
    verdict:
      kind === 'confirm'
        ? { kind, classification: 'A1', annotations: [] }
        : { kind, reason: 'adult_content' },
    note: 'first reviewer’s note',
    itemVersion: item.version,
    idempotencyKey: `first-${item.id}`,
  });
  expect(response.status).toBe(200);
  const now = await itemNow(server, item.id);
  expect(now.status).toBe('awaiting_second_review');
  return now;
}

test('a share of first dismissals goes to a blind second review, drawn by the server’s secret', async () => {
  const secret = server.context.review.reviewSecret;
  const sampled = await freeUnmatched(server, (i) => sampledForSecondReview(secret, i));
  const notSampled = await freeUnmatched(server, (i) => !sampledForSecondReview(secret, i));
  await firstReview(sampled, 'dismiss');
  const ana = await server.signIn('usr_ana');
  await decide(ana, notSampled.id, {
    verdict: { kind: 'dismiss', reason: 'adult_content' },
    note: null,
    itemVersion: notSampled.version,
    idempotencyKey: `first-${notSampled.id}`,
  });
  expect((await itemNow(server, notSampled.id)).status).toBe('dismissed');
});

test('holding the item for its second review hands it over without its first verdict', async () => {
  const item = await firstReview(await freeUnmatched(server), 'confirm');
  const sasha = await server.signIn('usr_sasha');
  const response = await claim(sasha, item.id);
  expect(response.status).toBe(200);
  const held = JSON.stringify(ClaimResult.parse(await response.json()));
  for (const word of ['first reviewer’s note', `dec_${item.id.slice(4)}`, '"A1"', '"confirm"'])
    expect(held, word).not.toContain(word);
});

test('whoever read the first verdict may neither claim, decide, nor be given the item by "next"', async () => {
  const item = await firstReview(await freeUnmatched(server), 'confirm');
  const sasha = await server.signIn('usr_sasha');
  expect((await claim(sasha, item.id)).status).toBe(200);
  // Sasha reads the item's trail (its first verdict): she is off its second review.
  const size = await auditSize(server);
  const trail = (await auditRange(server.database.db, 1, size)).filter(
    (e) => e.subject.id === item.id,
  );
  const reader = demoUsers.find((u) => u.id === 'usr_sasha');
  if (!reader) throw new Error('no Sasha');
  const barred = await server.database.db
    .transaction()
    .execute((trx) => barVerdictReaders(trx, reader, trail, server.clock.now));
  expect(barred).toEqual([item.id]);
  expect((await itemNow(server, item.id)).lease).toBeNull(); // her hold is released

  const refusedClaim = await claim(sasha, item.id);
  expect(refusedClaim.status).toBe(403);
  expect(ErrorBody.parse(await refusedClaim.json()).error.message).toMatch(
    /read this item’s first verdict/,
  );
  const refusedDecision = await decide(sasha, item.id, {
    verdict: { kind: 'confirm', classification: 'A1', annotations: [] },
    note: null,
    itemVersion: item.version,
    idempotencyKey: `second-${item.id}`,
  });
  expect(refusedDecision.status).toBe(403);
  // However far she works through the second-review queue, it never offers her this item.
  for (let i = 0; i < 50; i++) {
    const next = NextItem.parse(
      await (await sasha.send('POST', '/api/queues/q-second-review/next')).json(),
    );
    expect(next.item?.id).not.toBe(item.id);
    if (!next.item) break;
    await decide(sasha, next.item.id, {
      verdict: { kind: 'escalate', reason: 'Taken off the queue by the test' },
      note: null,
      itemVersion: next.item.version,
      idempotencyKey: `drain-${next.item.id}`,
    });
  }
  // Her refused claim and second review are on the record, without the verdict she tried.
  const events = await auditRange(server.database.db, size + 1, (await auditSize(server)) - size);
  const mine = events.filter((e) => e.subject.id === item.id);
  expect(mine).toMatchObject([
    { action: 'item.second_review_barred', actor: { id: 'usr_sasha' } },
    { action: 'item.claim_refused', actor: { id: 'usr_sasha' }, detail: { status: 403 } },
    { action: 'item.decision_refused', actor: { id: 'usr_sasha' }, detail: { status: 403 } },
  ]);
  expect(mine.at(-1)?.detail).not.toHaveProperty('verdict');

  // Someone who did not read it still makes the blind second review.
  expect((await claim(await server.signIn('usr_ben'), item.id)).status).toBe(200);
});
