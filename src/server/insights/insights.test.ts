import { describe, expect, it } from 'vitest';
import type { Decision, Verdict } from '../../api/schemas/decision';
import { reviewAgreement } from './agreement';
import { flow } from './flow';
import { insightItemOf, type InsightItem } from './insight-item';
import {
  classifier,
  confirm,
  decision,
  dismiss,
  item,
  pdqRule,
  wholeItem,
} from './insights-test-kit';
import { rulePrecision } from './rule-precision';
import { supplierScorecard } from './supplier-scorecard';

/** The supplier scorecard, review agreement and flow; and counting each thing once across them. */

describe('supplier scorecard', () => {
  it('shares of items whose provenance holds each actionability field, with reasons and reports filed', () => {
    const full = wholeItem(classifier, 'confirmed');
    const bare = wholeItem(classifier, 'pending');
    bare.provenance = {
      ...structuredClone(full.provenance),
      origin: { ...structuredClone(full.provenance.origin), sourceUrls: [], hostIp: null },
    };
    full.provenance.origin.sourceUrls = ['https://example.com/a.jpg'];
    full.provenance.origin.hostIp = '198.51.100.1';
    const [score] = supplierScorecard([full, bare].map(insightItemOf), {
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
    const items: InsightItem[] = [];
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
