import { expect, test } from 'vitest';
import { AuditPage } from '../../../api/schemas/audit';
import { blindItemsFor } from '../../../server/review/blind-review';
import { freePendingItem } from '../../../test/backend-state';
import { signInForTest, testBackend } from '../../../test/test-backend';
import { auditSentence } from '../model/audit-sentence';

const verdictWords = /\b(confirmed|dismissed|escalated|A1|A2|B1|B2)\b/;

/** Ana confirms an item, then tries its second review herself, and Ben tries a stale version. */
async function refusedAttemptsOnAFirstVerdict() {
  const item = await freePendingItem();
  const decide = async (userId: string, key: string, version: number) =>
    (await signInForTest(userId)).send('POST', `/api/items/${item.id}/decisions`, {
      verdict: { kind: 'confirm', classification: 'B1', annotations: [] },
      note: null,
      itemVersion: version,
      idempotencyKey: key,
      madeBy: userId,
    });
  expect((await decide('usr_ana', 'blind-first', item.version)).status).toBe(200);
  // The first verdict made the item's next version: Ana tries its second review herself.
  expect((await decide('usr_ana', 'blind-again', item.version + 1)).status).toBe(403);
  expect((await decide('usr_ben', 'blind-stale', item.version)).status).toBe(409);
}

test('no sentence tells a supervisor a first verdict that reading its page does not bar her for', async () => {
  await refusedAttemptsOnAFirstVerdict();
  const mira = await signInForTest('usr_mira');
  const { db } = (await testBackend()).database;
  const items = await db.selectFrom('items').select(['id', 'status']).execute();
  const blindBefore = await blindItemsFor(db, items, mira.user);
  expect(blindBefore.size).toBeGreaterThan(0);
  const barred = new Set<string>();
  let told = 0;
  let refusals = 0;
  for (let offset = 0; ; offset += 1000) {
    const response = await mira.get(`/api/audit?offset=${offset}&limit=1000`);
    const page = AuditPage.parse(await response.json());
    for (const id of page.secondReviewsBarred) barred.add(id);
    for (const event of page.events) {
      if (!blindBefore.has(event.subject.id)) continue;
      if (event.action === 'item.decision_refused') refusals++;
      if (!verdictWords.test(auditSentence(event))) continue;
      told++;
      // The sentence names a verdict: the page that held it took her off that second review.
      expect(barred.has(event.subject.id), auditSentence(event)).toBe(true);
    }
    if (page.events.length < 1000) break;
  }
  expect(told).toBeGreaterThan(0);
  expect(refusals).toBe(2);
});
