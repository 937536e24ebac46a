import { describe, expect, it } from 'vitest';
import type { Decision } from '../../api/schemas/decision';
import type { Signal } from '../../api/schemas/item';
import { wilsonInterval } from '../../domain/statistics';
import { classifier, decision, dismiss, item, pdqRule } from './insights-test-kit';
import { rankRules, rulePrecision } from './rule-precision';

describe('rule precision from fixture decisions', () => {
  const items = [
    ...Array.from({ length: 6 }, () => item(classifier, 'confirmed')),
    ...Array.from({ length: 3 }, () => item(classifier, 'dismissed')),
    ...Array.from({ length: 2 }, () => item(classifier, 'dismissed')),
    item(classifier, 'pending'),
    item(pdqRule, 'confirmed', 'a'.repeat(64)),
    ...Array.from({ length: 4 }, () => item(pdqRule, 'dismissed', 'b'.repeat(64))),
  ];
  const reasons = new Map<string, Decision[]>();
  items
    .slice(6, 9)
    .forEach((i) => reasons.set(i.id, [decision(i.id, dismiss('adult_content'), 'first', 'a')]));
  items
    .slice(9, 11)
    .forEach((i) => reasons.set(i.id, [decision(i.id, dismiss('duplicate'), 'first', 'a')]));
  items
    .slice(13)
    .forEach((i) => reasons.set(i.id, [decision(i.id, dismiss('hash_collision'), 'first', 'a')]));
  const { rules, hashes } = rulePrecision(items, (id) => reasons.get(id) ?? [], 5);

  it('counts flags, outcomes and false positives; duplicates do not count against the rule', () => {
    const rule = rules.find((r) => r.ruleId === 'clf-a');
    expect(rule).toMatchObject({
      flagged: 12,
      confirmed: 6,
      falsePositives: 3,
      pending: 1,
      enoughVolume: true,
    });
    expect(rule?.dismissed).toEqual(
      expect.arrayContaining([
        { reason: 'adult_content', count: 3 },
        { reason: 'duplicate', count: 2 },
      ]),
    );
    expect(rule?.precision).toBeCloseTo(6 / 9, 10);
    expect(rule?.interval).toEqual(wilsonInterval(6, 9));
  });

  it('ranks the rule with the most false positives first', () => {
    expect(rules.map((r) => [r.ruleId, r.falsePositives, r.precision])).toEqual([
      ['hash-b', 4, 0.2],
      ['clf-a', 3, 6 / 9],
    ]);
  });

  it('names the listed hashes most often dismissed as false', () => {
    expect(hashes).toEqual([
      {
        hashList: 'industry',
        algorithm: 'PDQ',
        hash: 'b'.repeat(64),
        ruleId: 'hash-b',
        falsePositives: 4,
        confirmed: 0,
      },
    ]);
  });
});

describe('rules rolled up over their versions', () => {
  const v3: Signal = { ...classifier, ruleVersion: '3' };
  const v10: Signal = { ...classifier, ruleVersion: '10' };
  const both = item(v3, 'confirmed');
  both.signals = [v3, v10];
  const items = [
    both,
    item(v3, 'confirmed'),
    item(v10, 'dismissed'),
    item(v10, 'pending'),
    item(pdqRule, 'confirmed'),
  ];
  const decisions = new Map([
    [items[2]?.id ?? '', [decision(items[2]?.id ?? '', dismiss('adult_content'), 'first', 'a')]],
  ]);
  const { rules } = rulePrecision(items, (id) => decisions.get(id) ?? [], 3);
  const rule = rules.find((r) => r.ruleId === 'clf-a');

  it('one row per rule: an item flagged by two of its versions counts once for the rule', () => {
    expect(rules.map((r) => r.ruleId)).toEqual(['clf-a', 'hash-b']);
    expect(rule).toMatchObject({ flagged: 4, confirmed: 2, falsePositives: 1, pending: 1 });
    expect(rule?.precision).toBeCloseTo(2 / 3, 10);
    expect(rule?.enoughVolume).toBe(true);
  });

  it('its versions beneath, newest first, each counting its own flags', () => {
    expect(
      rule?.versions.map((v) => [v.ruleVersion, v.flagged, v.confirmed, v.enoughVolume]),
    ).toEqual([
      ['10', 3, 1, false],
      ['3', 2, 2, false],
    ]);
  });
});

describe('ranking rules', () => {
  const [base] = rulePrecision([item(classifier, 'confirmed')], () => [], 1).rules;
  if (!base) throw new Error('no rule');
  const row = (ruleId: string, confirmed: number, falsePositives: number, flagged: number) => {
    const decided = confirmed + falsePositives;
    return {
      ...base,
      ruleId,
      flagged,
      confirmed,
      falsePositives,
      precision: decided === 0 ? null : confirmed / decided,
      enoughVolume: decided >= 10,
    };
  };

  it('ranks by false positives — decided flags and low precision together — above the minimum sample', () => {
    const ranked = rankRules([
      row('small-and-bad', 1, 9, 10),
      row('large-and-fair', 900, 100, 1000),
      row('too-few', 0, 5, 400),
      row('fewer', 0, 1, 2),
      row('as-bad-more-precise', 81, 9, 90),
    ]);
    expect(ranked.map((r) => r.ruleId)).toEqual([
      'large-and-fair',
      'small-and-bad',
      'as-bad-more-precise',
      'too-few',
      'fewer',
    ]);
  });
});
