import { expect, test } from 'vitest';
import { Insights } from '../../api/schemas/insights';
import { signInForTest, testBackend } from '../../test/mock-server';
import { call } from '../../test/reports';
import { sampledForSecondReview } from '../backend/blind-review';

const insights = async (cookie: string) => call('GET', '/api/insights', cookie);

test('only supervisors read insights', async () => {
  expect((await insights(signInForTest('usr_sasha').cookie)).status).toBe(200);
  expect((await insights(signInForTest('usr_ana').cookie)).status).toBe(403);
  expect((await insights(signInForTest('usr_alex').cookie)).status).toBe(403);
});

test('a rule’s precision drops when analysts dismiss its items as false positives', async () => {
  const sasha = signInForTest('usr_sasha').cookie;
  const before = Insights.parse((await insights(sasha)).json);
  const rule = before.rules.find((r) => r.kind === 'classifier' && r.pending >= 3);
  if (!rule) throw new Error('no classifier rule with pending items');
  const pending = testBackend.state.items.filter(
    (i) =>
      i.status === 'pending' &&
      i.lease === null &&
      i.signals.some((s) => s.ruleId === rule.ruleId && s.ruleVersion === rule.ruleVersion) &&
      new Set(i.signals.map((s) => s.ruleId)).size === 1 &&
      // Final dismissals only: not one the server draws for a second review.
      !sampledForSecondReview(testBackend.state.reviewSecret, i),
  );
  const ana = signInForTest('usr_ana').cookie;
  for (const item of pending.slice(0, 3)) {
    const decided = await call('POST', `/api/items/${item.id}/decisions`, ana, {
      verdict: { kind: 'dismiss', reason: 'adult_content' },
      note: null,
      itemVersion: item.version,
      idempotencyKey: `insights-${item.id}`,
      madeBy: 'usr_ana',
    });
    expect(decided.status).toBe(200);
  }
  const after = Insights.parse((await insights(sasha)).json);
  const changed = after.rules.find(
    (r) => r.ruleId === rule.ruleId && r.ruleVersion === rule.ruleVersion,
  );
  expect(changed?.falsePositives).toBe(rule.falsePositives + Math.min(3, pending.length));
  expect(changed?.precision ?? 1).toBeLessThan(rule.precision ?? 1);
  expect(after.exposure.decisions).toBe(before.exposure.decisions + Math.min(3, pending.length));
});
