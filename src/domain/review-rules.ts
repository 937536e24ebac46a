import type { Decision, Verdict } from '../api/schemas/decision';
import type { FlaggedItem, ItemStatus } from '../api/schemas/item';
import type { QueueKind } from '../api/schemas/queue';
import type { Role } from '../api/schemas/user';

/**
 * The review workflow's rules, read by the mock backend (which enforces them) and by the console
 * (which offers only what they allow). Four eyes: a confirmation — and a dismissal of a match
 * against NCMEC's list, since a missed true positive is the costliest error, and a share of other
 * dismissals — counts only once a second, different reviewer agrees, blind to the first verdict;
 * a disagreement goes to a supervisor, whose decision is final.
 */
export type ReviewStage = Decision['stage'];

const stageByStatus: Record<ItemStatus, ReviewStage | null> = {
  pending: 'first',
  awaiting_second_review: 'second',
  escalated: 'supervisor',
  confirmed: null,
  dismissed: null,
};

/** The status of the items a queue of this kind waits to act on. */
export const waitingStatus: Record<QueueKind, ItemStatus> = {
  triage: 'pending',
  second_review: 'awaiting_second_review',
  escalations: 'escalated',
};

/** The review an item in this status waits for, or null once its outcome is final. */
export const stageOf = (status: ItemStatus): ReviewStage | null => stageByStatus[status];

/**
 * The share of first-review dismissals (beyond those of NCMEC hash matches, which always go) that
 * also go to a blind second review: quality control of dismissals, and what keeps an item's place
 * in the second-review queue from telling anyone its first verdict was a confirmation.
 */
export const DISMISSAL_SECOND_REVIEW_SHARE = 0.25;

/**
 * Whether a first-review verdict needs a second reviewer before it counts: every confirmation,
 * every dismissal of an NCMEC hash match, and the dismissals drawn for quality control
 * (`sampled`, drawn by the server so that no reviewer can predict it).
 */
export function needsSecondReview(item: FlaggedItem, verdict: Verdict, sampled: boolean): boolean {
  if (verdict.kind === 'confirm') return true;
  if (verdict.kind === 'escalate') return false;
  return sampled || item.signals.some((s) => s.kind === 'hash_match' && s.hashList === 'ncmec');
}

/** The first-review decision a second review checks: the latest one. */
export const underReview = (decisions: readonly Decision[]): Decision | null =>
  decisions.findLast((d) => d.stage === 'first') ?? null;

/** Where a verdict at a stage leaves the item. */
export function outcomeOf(
  stage: ReviewStage,
  verdict: Verdict,
  item: FlaggedItem,
  firstVerdict: Verdict | null,
  sampled = false,
): ItemStatus {
  if (verdict.kind === 'escalate') return 'escalated';
  const final = verdict.kind === 'confirm' ? 'confirmed' : 'dismissed';
  switch (stage) {
    case 'first':
      return needsSecondReview(item, verdict, sampled) ? 'awaiting_second_review' : final;
    case 'second':
      return firstVerdict?.kind === verdict.kind ? final : 'escalated';
    case 'supervisor':
      return final;
  }
}

export interface Reviewer {
  id: string;
  role: Role;
}

/**
 * Who already reviewed the item in the round it waits in, and so may not make the next review:
 * the first reviewer, for its second review; the first and second reviewers, for a supervisor's
 * decision on their escalation or disagreement.
 */
export function reviewedBy(status: ItemStatus, decisions: readonly Decision[]): string[] {
  const first = underReview(decisions);
  if (!first || stageOf(status) === 'first' || stageOf(status) === null) return [];
  return decisions
    .slice(decisions.indexOf(first))
    .filter((d) => d.stage !== 'supervisor')
    .map((d) => d.actor.id);
}

/**
 * Why this reviewer may not decide at this stage (with this verdict, when given), or null.
 * `reviewedBy` is who already reviewed the item in this round (see `reviewedBy`);
 * `readFirstVerdict` who read the first verdict while it awaited its blind second review.
 */
export function reviewRefusal({
  stage,
  reviewer,
  reviewedBy,
  readFirstVerdict = [],
  verdict,
  note,
}: {
  stage: ReviewStage | null;
  reviewer: Reviewer;
  reviewedBy: readonly string[];
  readFirstVerdict?: readonly string[];
  verdict?: Verdict;
  note?: string | null;
}): string | null {
  if (stage === null) return 'This item is already decided.';
  if (stage === 'second' && reviewedBy.includes(reviewer.id))
    return 'You made the first review of this item: the second review must be someone else’s.';
  if (stage === 'second' && readFirstVerdict.includes(reviewer.id))
    return 'You have read this item’s first verdict: its blind second review must be someone else’s.';
  if (stage === 'supervisor') {
    if (reviewer.role !== 'supervisor') return 'Escalated items are decided by a supervisor.';
    if (reviewedBy.includes(reviewer.id))
      return 'You took part in this item’s review: another supervisor must decide it.';
    if (verdict?.kind === 'escalate') return 'A supervisor decision is final: confirm or dismiss.';
    if (verdict && !note?.trim()) return 'A supervisor decision needs a written rationale.';
  }
  return null;
}

/**
 * A second review is blind: until it is made, the verdict under review is left out of what anyone
 * who may still make it receives — everyone but its author, auditors (who read everything and
 * decide nothing) and those who already read it (`readFirstVerdict`) and so may no longer make it.
 */
export function isBlindTo(
  status: ItemStatus,
  decisions: readonly Decision[],
  reader: Reviewer,
  readFirstVerdict: readonly string[] = [],
): boolean {
  if (status !== 'awaiting_second_review' || reader.role === 'auditor') return false;
  if (readFirstVerdict.includes(reader.id)) return false;
  return underReview(decisions)?.actor.id !== reader.id;
}

/**
 * Why the item's latest decision may not be corrected now, or null. A first review waiting for its
 * blind second review is not corrected: that review decides it, and a correction would let
 * someone who read the first verdict decide instead.
 */
export const correctionRefusal = (status: ItemStatus): string | null =>
  status === 'awaiting_second_review'
    ? 'This decision awaits its blind second review, which decides it: it cannot be corrected now.'
    : null;

/** Seconds the console offers to undo one's own decision, before it counts. */
export const UNDO_OFFER_SECONDS = 5;
/** Seconds the server accepts an undo for: the offer, plus time for the request to arrive. */
export const UNDO_ACCEPT_SECONDS = UNDO_OFFER_SECONDS + 3;
