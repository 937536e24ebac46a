import { expect, test } from 'vitest';
import type { RulePrecision } from '../../../api/schemas/insights';
import { rankedAndHidden, rulesAndVersions } from './rule-rows';

const version = (ruleVersion: string) => ({
  ruleVersion,
  flagged: 1,
  confirmed: 1,
  dismissed: [],
  falsePositives: 0,
  pending: 0,
  precision: 1,
  interval: null,
  enoughVolume: false,
});
const rule = (ruleId: string, enoughVolume: boolean, versions: number): RulePrecision => ({
  ...version('1'),
  ruleId,
  ruleName: ruleId,
  kind: 'classifier',
  enoughVolume,
  versions: Array.from({ length: versions }, (_, i) => version(String(i + 1))),
});

test('ranked rules keep the server’s order; the rest are hidden, with the versions they stand for', () => {
  const { ranked, hidden, hiddenVersions } = rankedAndHidden([
    rule('b', true, 2),
    rule('a', true, 1),
    rule('c', false, 4),
    rule('d', false, 1),
  ]);
  expect(ranked.map((r) => r.ruleId)).toEqual(['b', 'a']);
  expect(hidden.map((r) => r.ruleId)).toEqual(['c', 'd']);
  expect(hiddenVersions).toBe(5);
});

test('counts of rules and versions read as words', () => {
  expect(rulesAndVersions(14, 43)).toBe('14 rules (43 versions)');
  expect(rulesAndVersions(1, 1)).toBe('1 rule (1 version)');
});
