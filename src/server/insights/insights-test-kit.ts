import type { Decision, Verdict } from '../../api/schemas/decision';
import type { FlaggedItem, ItemStatus, Signal } from '../../api/schemas/item';
import { generateData } from '../demo/generator';
import { insightItemOf, type InsightItem } from './insight-item';

/** Items flagged by one of two rules, and decisions on them: what the insights' tests count. */

const [template] = generateData({ seed: 3, items: 1, now: new Date(), leaseSeconds: 300 }).items;
if (!template) throw new Error('no template item');
export const classifier: Signal = {
  kind: 'classifier',
  ruleId: 'clf-a',
  ruleName: 'Classifier A',
  ruleVersion: '7',
  score: 0.95,
  threshold: 0.9,
};
export const pdqRule: Signal = {
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
/** A copy of one generated item, with its own id, flagged by `signal`. */
export function wholeItem(signal: Signal, status: ItemStatus, pdq = 'f'.repeat(64)): FlaggedItem {
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

/** `wholeItem` as the insights read it. */
export const item = (signal: Signal, status: ItemStatus, pdq?: string): InsightItem =>
  insightItemOf(wholeItem(signal, status, pdq));

export const decision = (
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
export const dismiss = (reason: 'adult_content' | 'duplicate' | 'hash_collision'): Verdict => ({
  kind: 'dismiss',
  reason,
});
export const confirm: Verdict = { kind: 'confirm', classification: null, annotations: [] };
