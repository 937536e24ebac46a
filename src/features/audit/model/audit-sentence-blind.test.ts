import { expect, test } from 'vitest';
import { AuditPage } from '../../../api/schemas/audit';
import { callMock, signInForTest, testBackend } from '../../../test/mock-server';
import { isBlindFor } from '../../../mocks/backend/blind-review';
import { auditSentence } from './audit-sentence';

const verdictWords = /\b(confirmed|dismissed|escalated|A1|A2|B1|B2)\b/;

test('no sentence tells a supervisor a first verdict that reading its page does not bar her for', async () => {
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
  for (let offset = 0; ; offset += 1000) {
    const response = await callMock(`/api/audit?offset=${offset}&limit=1000`, {
      cookie: mira.cookie,
    });
    const page = AuditPage.parse(await response.json());
    for (const id of page.secondReviewsBarred) barred.add(id);
    for (const event of page.events) {
      if (!blindBefore.has(event.subject.id)) continue;
      if (!verdictWords.test(auditSentence(event))) continue;
      told++;
      // The sentence names a verdict: the page that held it took her off that second review.
      expect(barred.has(event.subject.id), auditSentence(event)).toBe(true);
    }
    if (page.events.length < 1000) break;
  }
  expect(told).toBeGreaterThan(0);
});
