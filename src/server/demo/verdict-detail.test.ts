import { expect, test } from 'vitest';
import { verdictDetail } from './verdict-detail';

test('a confirmation records its classification, a dismissal its reason code', () => {
  expect(verdictDetail({ kind: 'confirm', classification: 'A1', annotations: ['viral'] })).toEqual({
    verdict: 'confirm',
    classification: 'A1',
  });
  expect(verdictDetail({ kind: 'dismiss', reason: 'adult_content' })).toEqual({
    verdict: 'dismiss',
    reason: 'adult_content',
  });
});

test('an escalation’s free text stays on the decision, out of the log', () => {
  expect(verdictDetail({ kind: 'escalate', reason: 'unsure of age' })).toEqual({
    verdict: 'escalate',
  });
});
