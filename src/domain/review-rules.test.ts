import { describe, expect, it } from 'vitest';
import type { Decision, Verdict } from '../api/schemas/decision';
import type { FlaggedItem, Signal } from '../api/schemas/item';
import { generateData } from '../server/demo/generator';
import {
  isBlindTo,
  outcomeOf,
  reviewRefusal,
  reviewedBy,
  stageOf,
  underReview,
} from './review-rules';

const [generated] = generateData({ seed: 5, items: 3, now: new Date(), leaseSeconds: 300 }).items;
if (!generated) throw new Error('no item');
const ncmecMatch: Signal = {
  kind: 'hash_match',
  ruleId: 'rule_ncmec',
  ruleName: 'NCMEC hash list',
  ruleVersion: '2026.11',
  hashList: 'ncmec',
  algorithm: 'PDQ',
  distance: 4,
  maxDistance: 31,
};
const classifierOnly: FlaggedItem = {
  ...generated,
  signals: generated.signals.filter((s) => s.kind !== 'hash_match'),
};
const hashMatched: FlaggedItem = { ...generated, signals: [ncmecMatch] };

const confirm: Verdict = { kind: 'confirm', classification: 'A1', annotations: [] };
const dismiss: Verdict = { kind: 'dismiss', reason: 'adult_content' };
const escalate: Verdict = { kind: 'escalate', reason: 'unsure of age' };

const decision = (stage: Decision['stage'], actorId: string, verdict: Verdict): Decision => ({
  id: `dec_${stage}`,
  itemId: generated.id,
  itemVersion: 1,
  stage,
  verdict,
  supersedes: null,
  note: null,
  actor: { id: actorId, name: actorId, role: 'analyst' },
  at: '2026-11-25T10:00:00.000Z',
});

describe('the first review', () => {
  it('sends a confirmation to a second reviewer', () => {
    expect(outcomeOf('first', confirm, classifierOnly, null)).toBe('awaiting_second_review');
  });

  it('sends a dismissal of an NCMEC hash match to a second reviewer, and decides other dismissals', () => {
    expect(outcomeOf('first', dismiss, hashMatched, null)).toBe('awaiting_second_review');
    expect(outcomeOf('first', dismiss, classifierOnly, null)).toBe('dismissed');
  });

  it('sends a dismissal drawn for quality control to a second reviewer too', () => {
    expect(outcomeOf('first', dismiss, classifierOnly, null, true)).toBe('awaiting_second_review');
    expect(outcomeOf('first', escalate, classifierOnly, null, true)).toBe('escalated');
  });

  it('escalates to the supervisors', () => {
    expect(outcomeOf('first', escalate, classifierOnly, null)).toBe('escalated');
  });
});

describe('the second review', () => {
  it('decides when it agrees with the first', () => {
    expect(outcomeOf('second', confirm, classifierOnly, confirm)).toBe('confirmed');
    expect(outcomeOf('second', dismiss, hashMatched, dismiss)).toBe('dismissed');
  });

  it('goes to the supervisors when it disagrees, or escalates', () => {
    expect(outcomeOf('second', dismiss, classifierOnly, confirm)).toBe('escalated');
    expect(outcomeOf('second', confirm, hashMatched, dismiss)).toBe('escalated');
    expect(outcomeOf('second', escalate, classifierOnly, confirm)).toBe('escalated');
  });

  it('is never made by the first reviewer', () => {
    const refusal = reviewRefusal({
      stage: 'second',
      reviewer: { id: 'usr_ana', role: 'analyst' },
      reviewedBy: ['usr_ana'],
    });
    expect(refusal).toMatch(/second review must be someone else/);
    expect(
      reviewRefusal({
        stage: 'second',
        reviewer: { id: 'usr_ben', role: 'analyst' },
        reviewedBy: ['usr_ana'],
      }),
    ).toBeNull();
  });

  it('is blind: the verdict under review is hidden from everyone but its author and auditors', () => {
    const decisions = [decision('first', 'usr_ana', confirm)];
    expect(underReview(decisions)?.actor.id).toBe('usr_ana');
    expect(isBlindTo('awaiting_second_review', decisions, { id: 'usr_ben', role: 'analyst' })).toBe(
      true,
    );
    expect(
      isBlindTo('awaiting_second_review', decisions, { id: 'usr_sasha', role: 'supervisor' }),
    ).toBe(true);
    expect(isBlindTo('awaiting_second_review', decisions, { id: 'usr_ana', role: 'analyst' })).toBe(
      false,
    );
    expect(
      isBlindTo('awaiting_second_review', decisions, { id: 'usr_alex', role: 'auditor' }),
    ).toBe(false);
    expect(isBlindTo('confirmed', decisions, { id: 'usr_ben', role: 'analyst' })).toBe(false);
  });

  it('is never made by someone who read the first verdict, from whom it is then no longer hidden', () => {
    const decisions = [decision('first', 'usr_ana', confirm)];
    const sasha = { id: 'usr_sasha', role: 'supervisor' as const };
    expect(
      reviewRefusal({
        stage: 'second',
        reviewer: sasha,
        reviewedBy: ['usr_ana'],
        readFirstVerdict: ['usr_sasha'],
      }),
    ).toMatch(/read this item’s first verdict/);
    expect(isBlindTo('awaiting_second_review', decisions, sasha, ['usr_sasha'])).toBe(false);
    expect(
      isBlindTo('awaiting_second_review', decisions, { id: 'usr_ben', role: 'analyst' }, [
        'usr_sasha',
      ]),
    ).toBe(true);
  });
});

describe('the supervisor decision', () => {
  const supervisor = { id: 'usr_sasha', role: 'supervisor' as const };
  it('is final', () => {
    expect(stageOf('escalated')).toBe('supervisor');
    expect(outcomeOf('supervisor', dismiss, classifierOnly, confirm)).toBe('dismissed');
    expect(stageOf('dismissed')).toBeNull();
    expect(reviewRefusal({ stage: null, reviewer: supervisor, reviewedBy: [] })).toBe(
      'This item is already decided.',
    );
  });

  it('is a supervisor’s, confirms or dismisses, and carries a written rationale', () => {
    const base = { stage: 'supervisor' as const, reviewedBy: [] };
    expect(reviewRefusal({ ...base, reviewer: { id: 'usr_ana', role: 'analyst' } })).toMatch(
      /by a supervisor/,
    );
    expect(reviewRefusal({ ...base, reviewer: supervisor, verdict: escalate, note: 'x' })).toMatch(
      /final/,
    );
    expect(reviewRefusal({ ...base, reviewer: supervisor, verdict: confirm, note: ' ' })).toMatch(
      /rationale/,
    );
    expect(
      reviewRefusal({ ...base, reviewer: supervisor, verdict: confirm, note: 'Both agree on A1' }),
    ).toBeNull();
  });
});

describe('who already reviewed the round', () => {
  const escalatedRound = [
    decision('first', 'usr_ana', confirm),
    { ...decision('second', 'usr_sasha', dismiss), id: 'dec_2' },
  ];

  it('is the first reviewer for a second review, both reviewers for a supervisor decision', () => {
    expect(reviewedBy('awaiting_second_review', escalatedRound.slice(0, 1))).toEqual(['usr_ana']);
    expect(reviewedBy('escalated', escalatedRound)).toEqual(['usr_ana', 'usr_sasha']);
    expect(reviewedBy('pending', escalatedRound)).toEqual([]);
  });

  it('keeps a supervisor who reviewed the item from deciding its escalation', () => {
    expect(
      reviewRefusal({
        stage: 'supervisor',
        reviewer: { id: 'usr_sasha', role: 'supervisor' },
        reviewedBy: reviewedBy('escalated', escalatedRound),
      }),
    ).toMatch(/another supervisor/);
  });
});
