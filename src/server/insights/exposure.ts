import type { AuditEvent } from '../../api/schemas/audit';
import type { Decision } from '../../api/schemas/decision';
import type { Exposure } from '../../api/schemas/insights';
import type { Actor } from '../../api/schemas/user';

type Reviewer = Exposure['reviewers'][number];

/**
 * How much harmful material each reviewer was shown over the range: reveals and revealed seconds
 * per day (from the audit log's reveals and their re-blurs), and how many of their decisions were
 * made without revealing the item first (the goal: most).
 */
export function exposure(
  events: Iterable<AuditEvent>,
  decisions: Iterable<Decision>,
  inRange: (at: string) => boolean,
): Exposure {
  const reviewers = new Map<
    string,
    Reviewer & { dayIndex: Map<string, Reviewer['days'][number]> }
  >();
  const reviewer = (actor: Actor) => {
    let entry = reviewers.get(actor.id);
    if (!entry) {
      entry = {
        actor,
        reveals: 0,
        revealedSeconds: 0,
        decisions: 0,
        decisionsWithoutReveal: 0,
        days: [],
        dayIndex: new Map(),
      };
      reviewers.set(actor.id, entry);
    }
    return entry;
  };
  const day = (entry: ReturnType<typeof reviewer>, at: string) => {
    const key = at.slice(0, 10);
    let d = entry.dayIndex.get(key);
    if (!d) {
      d = { day: key, reveals: 0, revealedSeconds: 0 };
      entry.dayIndex.set(key, d);
    }
    return d;
  };
  // Who revealed which item, and when first: a decision after it was made having looked.
  const firstReveal = new Map<string, string>();
  // Reveals in the range, by id: a re-blur's seconds belong to its reveal's time and day.
  const revealsInRange = new Map<string, { entry: ReturnType<typeof reviewer>; at: string }>();
  for (const event of events) {
    if (event.action === 'media.revealed') {
      const key = `${event.actor.id}|${event.subject.id}`;
      const seen = firstReveal.get(key);
      if (seen === undefined || event.at < seen) firstReveal.set(key, event.at);
      if (!inRange(event.at)) continue;
      const entry = reviewer(event.actor);
      entry.reveals++;
      day(entry, event.at).reveals++;
      if (typeof event.detail.revealId === 'string')
        revealsInRange.set(event.detail.revealId, { entry, at: event.at });
    } else if (event.action === 'media.reblurred') {
      const reveal =
        typeof event.detail.revealId === 'string'
          ? revealsInRange.get(event.detail.revealId)
          : undefined;
      if (!reveal || typeof event.detail.durationMs !== 'number') continue;
      const seconds = event.detail.durationMs / 1000;
      reveal.entry.revealedSeconds += seconds;
      day(reveal.entry, reveal.at).revealedSeconds += seconds;
    }
  }
  let total = 0;
  let withoutReveal = 0;
  for (const decision of decisions) {
    if (!inRange(decision.at)) continue;
    const entry = reviewer(decision.actor);
    entry.decisions++;
    total++;
    const revealed = firstReveal.get(`${decision.actor.id}|${decision.itemId}`);
    if (revealed === undefined || revealed > decision.at) {
      entry.decisionsWithoutReveal++;
      withoutReveal++;
    }
  }
  return {
    reviewers: [...reviewers.values()]
      .map(({ dayIndex, ...entry }) => ({
        ...entry,
        days: [...dayIndex.values()].sort((a, b) => a.day.localeCompare(b.day)),
      }))
      .sort(
        (a, b) => b.revealedSeconds - a.revealedSeconds || a.actor.name.localeCompare(b.actor.name),
      ),
    decisions: total,
    decisionsWithoutReveal: withoutReveal,
  };
}
