import type { AuditEvent } from '../../api/schemas/audit';
import type { FlaggedItem } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { DISMISSAL_SECOND_REVIEW_SHARE, isBlindTo } from '../../domain/review-rules';
import { sha256Hex } from '../../lib/sha256-hex';
import type { MockState } from './backend';

/**
 * The blind second review across every view (docs/decisions/0008-blind-second-review.md). The
 * audit log is never redacted; instead whoever reads an item's first verdict there while the item
 * awaits its blind second review may no longer make that review.
 */

/** Audit actions whose detail carries a verdict. */
const VERDICT_ACTIONS: ReadonlySet<string> = new Set([
  'item.decided',
  'item.decision_undone',
  'item.decision_corrected',
]);

/**
 * Whether this first-review dismissal of the item goes to a blind second review for quality
 * control: drawn from a keyed hash of the item and its version, so it is the same for a resend and
 * cannot be predicted without the server's secret (random per process).
 */
export function sampledForSecondReview(
  secret: string,
  item: Pick<FlaggedItem, 'id' | 'version'>,
): boolean {
  const draw = Number.parseInt(sha256Hex(`${secret}\n${item.id}\n${item.version}`).slice(0, 8), 16);
  return draw / 2 ** 32 < DISMISSAL_SECOND_REVIEW_SHARE;
}

/** Who has read the item's first verdict while it awaited its blind second review. */
export const verdictReaders = (state: MockState, itemId: string): string[] => [
  ...(state.verdictReaders.get(itemId) ?? []),
];

/** Whether the item's first verdict is withheld from this reader: they may still make its review. */
export const isBlindFor = (state: MockState, item: FlaggedItem, reader: User) =>
  isBlindTo(
    item.status,
    state.decisions.get(item.id) ?? [],
    reader,
    verdictReaders(state, item.id),
  );

/**
 * Whether reading the item's audit trail would take `reader` off a second review they may still
 * make: its first verdict is withheld from them, or it waits for a first review again after a
 * decision was taken back (whose verdict the trail holds). The console asks before it reads.
 */
export function readingBarsFrom(state: MockState, item: FlaggedItem, reader: User): boolean {
  if (isBlindFor(state, item, reader)) return true;
  if (item.status !== 'pending' || reader.role === 'auditor') return false;
  if (verdictReaders(state, item.id).includes(reader.id)) return false;
  const decided = state.decisionIdsIssued.get(item.id) ?? state.decisions.get(item.id)?.length ?? 0;
  return decided > 0;
}

/**
 * Whether reading this verdict event of the item tells `reader` a first verdict they could still
 * second-review: the item awaits a review they are blind to, or it waits for a first review again
 * after this event's decision was taken back (an undo) — the verdict that was undone is the likely
 * next one, and its second review must not go to someone who read it.
 */
function tellsReviewable(state: MockState, item: FlaggedItem, reader: User, event: AuditEvent) {
  if (item.status === 'pending')
    return (
      event.subject.id === item.id &&
      reader.role !== 'auditor' &&
      !verdictReaders(state, item.id).includes(reader.id)
    );
  return isBlindFor(state, item, reader);
}

/**
 * Called with the audit events about to be given to `reader`: each that tells a first verdict of
 * an item the reader could still second-review (`tellsReviewable`) takes them off that review — on the record
 * (`item.second_review_barred`), and any hold they have on the item is released. Returns the items
 * this read barred them from.
 */
export function barVerdictReaders(
  state: MockState,
  reader: User,
  events: Iterable<AuditEvent>,
  now: Date,
): string[] {
  const barred: string[] = [];
  for (const event of events) {
    if (event.subject.type !== 'item' || !VERDICT_ACTIONS.has(event.action)) continue;
    for (const item of toldBy(state, event)) {
      if (!tellsReviewable(state, item, reader, event)) continue;
      state.verdictReaders.set(item.id, new Set([...verdictReaders(state, item.id), reader.id]));
      const held = item.lease?.holderId === reader.id;
      if (held) item.lease = null;
      state.revision++;
      state.audit.append({
        at: now.toISOString(),
        actor: { id: reader.id, name: reader.name, role: reader.role },
        action: 'item.second_review_barred',
        subject: { type: 'item', id: item.id },
        detail: { reason: 'read_first_verdict', auditSeq: event.seq, released: held },
      });
      barred.push(item.id);
    }
  }
  return barred;
}

/**
 * The items whose verdict a decision event tells: its own, and — for one verdict applied to a
 * cluster (`clusterOf`) — every item of that cluster, which may have received the same verdict.
 */
function toldBy(state: MockState, event: AuditEvent): FlaggedItem[] {
  const item = state.itemsById.get(event.subject.id);
  const anchorId = event.detail.clusterOf;
  const anchor = typeof anchorId === 'string' ? state.itemsById.get(anchorId) : undefined;
  if (!anchor) return item ? [item] : [];
  const cluster = [
    anchor,
    ...state
      .clusters()
      .clusterOf(anchor)
      .map((m) => m.item),
  ];
  return item && !cluster.includes(item) ? [item, ...cluster] : cluster;
}
