import { describe, expect, it } from 'vitest';
import type { Decision, Verdict } from '../../api/schemas/decision';
import type { FlaggedItem, ItemStatus, Signal } from '../../api/schemas/item';
import { wilsonInterval } from '../../domain/statistics';
import { generateData } from '../demo/generator';
import { reviewAgreement } from './agreement';
import { flow } from './flow';
import { rankRules, rulePrecision } from './rule-precision';
import { supplierScorecard } from './supplier-scorecard';

const [template] = generateData({ seed: 3, items: 1, now: new Date(), leaseSeconds: 300 }).items;
if (!template) throw new Error('no template item');
const classifier: Signal = {
  kind: 'classifier',
  ruleId: 'clf-a',
  ruleName: 'Classifier A',
  ruleVersion: '7',
  score: 0.95,
  threshold: 0.9,
};
const pdqRule: Signal = {
  kind: 'hash_match',
  ruleId: 'hash-b',
  ruleName: 'Industry PDQ',
  ruleVersion: '2',
  hashList: 'industry',
  algorithm: 'PDQ',
  distance: 12,
  maxDistance: 31,
};

let counter = 0;
function item(signal: Signal, status: ItemStatus, pdq = 'f'.repeat(64)): FlaggedItem {
  counter += 1;
  const copy = structuredClone(template) as FlaggedItem;
  return {
    ...copy,
    id: `itm_${counter}`,
    status,
    signals: [signal],
    media: { ...copy.media, pdq },
  };
}

const decision = (
  itemId: string,
  verdict: Verdict,
  stage: Decision['stage'],
  actorId: string,
): Decision => ({
  id: `dec_${itemId}_${stage}`,
  itemId,
  itemVersion: 1,
  stage,
  verdict,
  supersedes: null,
  note: null,
  actor: { id: actorId, name: actorId, role: 'analyst' },
  at: '2026-11-25T10:00:00.000Z',
});
const dismiss = (reason: 'adult_content' | 'duplicate' | 'hash_collision'): Verdict => ({
  kind: 'dismiss',
  reason,
});
const confirm: Verdict = { kind: 'confirm', classification: null, annotations: [] };

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

describe('supplier scorecard', () => {
  it('shares of items whose provenance holds each actionability field, with reasons and reports filed', () => {
    const full = item(classifier, 'confirmed');
    const bare = item(classifier, 'pending');
    bare.provenance = {
      ...structuredClone(full.provenance),
      origin: { ...structuredClone(full.provenance.origin), sourceUrls: [], hostIp: null },
    };
    full.provenance.origin.sourceUrls = ['https://example.com/a.jpg'];
    full.provenance.origin.hostIp = '198.51.100.1';
    const [score] = supplierScorecard([full, bare], {
      reasons: () => [
        {
          field: 'ip_capture',
          reason: 'Crawled data has no uploader IP.',
          reports: 2,
          lastGivenAt: '2026-11-25T10:00:00.000Z',
        },
      ],
      filed: () => 3,
    });
    expect(score).toMatchObject({ items: 2, confirmed: 1, reportsFiled: 3 });
    expect(score?.fields.find((f) => f.id === 'location_of_file')?.share).toBe(0.5);
    expect(score?.fields.find((f) => f.id === 'ip_capture')?.share).toBe(0.5);
    expect(score?.notAvailable).toEqual([
      { field: 'ip_capture', reason: 'Crawled data has no uploader IP.', reports: 2 },
    ]);
  });
});

describe('review agreement', () => {
  it('rate and Cohen’s kappa of first against second reviews, per pair with enough overlap', () => {
    // Wikipedia's worked example: 20 both confirm, 5 confirm/dismiss, 10 dismiss/confirm, 15 both dismiss.
    const cells: [Verdict, Verdict, number][] = [
      [confirm, confirm, 20],
      [confirm, dismiss('adult_content'), 5],
      [dismiss('adult_content'), confirm, 10],
      [dismiss('adult_content'), dismiss('adult_content'), 15],
    ];
    const decisions = new Map<string, Decision[]>();
    const items: FlaggedItem[] = [];
    for (const [a, b, n] of cells) {
      for (let i = 0; i < n; i++) {
        const it = item(
          classifier,
          a.kind === b.kind ? (a.kind === 'confirm' ? 'confirmed' : 'dismissed') : 'escalated',
        );
        items.push(it);
        decisions.set(it.id, [
          decision(it.id, a, 'first', 'ana'),
          decision(it.id, b, 'second', 'ben'),
        ]);
      }
    }
    const result = reviewAgreement(
      items,
      (id) => decisions.get(id) ?? [],
      () => true,
      5,
    );
    expect(result.overall.compared).toBe(50);
    expect(result.overall.rate).toBeCloseTo(0.7, 10);
    expect(result.overall.kappa).toBeCloseTo(0.4, 10);
    expect(result.pairs).toHaveLength(1);
    expect(result.disagreements).toEqual({ confirmed: 0, dismissed: 0, waiting: 15 });
  });
});

describe('counting each thing once, where it happened', () => {
  it('a pair of reviewers is the two people, whoever went first', () => {
    const decisions = new Map<string, Decision[]>();
    const items = Array.from({ length: 6 }, (_, i) => {
      const it = item(classifier, 'confirmed');
      const [a, b] = i % 2 === 0 ? ['ana', 'ben'] : ['ben', 'ana'];
      decisions.set(it.id, [
        decision(it.id, confirm, 'first', a),
        decision(it.id, confirm, 'second', b),
      ]);
      return it;
    });
    const result = reviewAgreement(
      items,
      (id) => decisions.get(id) ?? [],
      () => true,
      5,
    );
    expect(result.pairs.map((p) => [p.first.id, p.second.id, p.compared])).toEqual([
      ['ana', 'ben', 6],
    ]);
  });

  it('an item matched by two versions of a hash rule counts once for its hash', () => {
    const both = item(pdqRule, 'dismissed', 'c'.repeat(64));
    both.signals = [pdqRule, { ...pdqRule, ruleVersion: '3' }];
    const { hashes } = rulePrecision(
      [both],
      () => [decision(both.id, dismiss('hash_collision'), 'first', 'a')],
      1,
    );
    expect(hashes).toEqual([expect.objectContaining({ hash: 'c'.repeat(64), falsePositives: 1 })]);
  });

  it('days are UTC calendar days: a flag at 09:00 counts on its own date', () => {
    const it = item(classifier, 'pending');
    it.flaggedAt = '2026-03-04T09:00:00.000Z';
    it.slaDueAt = '2026-03-04T13:00:00.000Z';
    const to = Date.parse('2026-03-10T14:38:00.000Z');
    const result = flow([it], () => [], { from: to - 7 * 86_400_000, to }, to);
    expect(result.days[0]?.day).toBe('2026-03-03');
    expect(result.days.at(-1)?.day).toBe('2026-03-10');
    expect(result.days.find((d) => d.itemsIn === 1)?.day).toBe('2026-03-04');
  });
});
