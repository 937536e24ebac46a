import type { Decision } from '../../api/schemas/decision';
import type { Flow } from '../../api/schemas/insights';
import { median } from '../../domain/statistics';
import type { InsightItem } from './insight-item';

const DAY_MS = 86_400_000;
const waiting = new Set(['pending', 'awaiting_second_review', 'escalated']);

/**
 * Items in and decided over the range, day by day; the median time from flag to final decision;
 * and the items waiting now, by how much of their SLA they have used.
 */
export function flow(
  items: readonly InsightItem[],
  decisionsOf: (itemId: string) => readonly Decision[],
  range: { from: number; to: number },
  now: number,
): Flow {
  // UTC calendar days, from the range's first to its last.
  const firstDay = Math.floor(range.from / DAY_MS) * DAY_MS;
  const dayCount = Math.min(366, Math.max(1, Math.ceil((range.to - firstDay) / DAY_MS)));
  const days = Array.from({ length: dayCount }, (_, i) => ({
    day: new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10),
    itemsIn: 0,
    decided: 0,
  }));
  const dayOf = (ms: number) => days[Math.floor((ms - firstDay) / DAY_MS)];
  const inRange = (ms: number) => ms >= range.from && ms < range.to;
  const durations: number[] = [];
  const bands = { within_half: 0, within_sla: 0, over_sla: 0 };
  let itemsIn = 0;
  for (const item of items) {
    const flagged = Date.parse(item.flaggedAt);
    if (inRange(flagged)) {
      itemsIn++;
      const day = dayOf(flagged);
      if (day) day.itemsIn++;
    }
    if (item.status === 'confirmed' || item.status === 'dismissed') {
      // The decision that decided it: the last before any correction (which `supersedes` one).
      const last = decisionsOf(item.id).findLast((d) => d.supersedes === null);
      const decided = last ? Date.parse(last.at) : NaN;
      if (inRange(decided)) {
        durations.push((decided - flagged) / 1000);
        const day = dayOf(decided);
        if (day) day.decided++;
      }
    } else if (waiting.has(item.status)) {
      const used = (now - flagged) / Math.max(1, Date.parse(item.slaDueAt) - flagged);
      bands[used < 0.5 ? 'within_half' : used <= 1 ? 'within_sla' : 'over_sla']++;
    }
  }
  return {
    itemsIn,
    decided: durations.length,
    medianSecondsToDecision: median(durations),
    days,
    pendingByAge: (['within_half', 'within_sla', 'over_sla'] as const).map((band) => ({
      band,
      count: bands[band],
    })),
  };
}
