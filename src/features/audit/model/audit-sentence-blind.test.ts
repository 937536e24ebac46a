import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../../api/endpoints';
import { AuditPage } from '../../../api/schemas/audit';
import { callMock, signInForTest, testBackend } from '../../../test/mock-server';
import { isBlindFor } from '../../../mocks/backend/blind-review';
import { auditSentence } from './audit-sentence';

const verdictWords = /\b(confirmed|dismissed|escalated|A1|A2|B1|B2)\b/;

/** Ana confirms an item, then tries its second review herself, and Ben tries a stale version. */
async function refusedAttemptsOnAFirstVerdict() {
  const item = testBackend.state.items.find((i) => i.status === 'pending' && i.lease === null);
  if (!item) throw new Error('no free pending item');
  const decide = (userId: string, key: string, version: number) => {
    const { cookie } = signInForTest(userId);
    return callMock(`/api/items/${item.id}/decisions`, {
      method: 'POST',
      cookie,
      headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        verdict: { kind: 'confirm', classification: 'B1', annotations: [] },
        note: null,
        itemVersion: version,
        idempotencyKey: key,
        madeBy: userId,
      }),
    });
  };
  expect((await decide('usr_ana', 'blind-first', item.version)).status).toBe(200);
  expect((await decide('usr_ana', 'blind-again', item.version)).status).toBe(403);
  expect((await decide('usr_ben', 'blind-stale', item.version - 1)).status).toBe(409);
}

test('no sentence tells a supervisor a first verdict that reading its page does not bar her for', async () => {
  await refusedAttemptsOnAFirstVerdict();
  const mira = signInForTest('usr_mira');
  const user = mira.user;
  const blindBefore = new Set(
    testBackend.state.items
      .filter((item) => isBlindFor(testBackend.state, item, user))
      .map((item) => item.id),
  );
  expect(blindBefore.size).toBeGreaterThan(0);
  const barred = new Set<string>();
  let told = 0;
  let refusals = 0;
  for (let offset = 0; ; offset += 1000) {
    const response = await callMock(`/api/audit?offset=${offset}&limit=1000`, {
      cookie: mira.cookie,
    });
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
