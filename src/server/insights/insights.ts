import type { Transaction } from 'kysely';
import type { AuditEvent } from '../../api/schemas/audit';
import type { Decision } from '../../api/schemas/decision';
import type { Insights, InsightsQuery } from '../../api/schemas/insights';
import type { Database } from '../db/tables';
import { reviewAgreement } from './agreement';
import { exposure } from './exposure';
import { flow } from './flow';
import type { InsightItem } from './insight-item';
import {
  insightDecisions,
  insightItems,
  pendingByAge,
  type Range,
  revealEvents,
  supplierReports,
} from './insights-rows';
import { rulePrecision } from './rule-precision';
import { supplierScorecard } from './supplier-scorecard';

const WEEK_MS = 7 * 86_400_000;

/** A rule's precision is ranked once this many of its items are decided. */
export const MIN_VOLUME = 10;
/** A pair of reviewers is shown once they shared this many items. */
export const MIN_OVERLAP = 5;

/** What the insights are computed from; `items` in their order of arrival. */
export interface InsightsRecords {
  items: readonly InsightItem[];
  decisions: ReadonlyMap<string, readonly Decision[]>;
  /** Reveals and re-blurs from the audit log (other events are passed over). */
  events: readonly AuditEvent[];
  reports: Parameters<typeof supplierScorecard>[1];
}

/**
 * Every insight over `[from, to)` from these records: items flagged in the range (rule
 * precision, suppliers, flow), second reviews, decisions and reveals made in it.
 */
export function insightsOf(
  { items, decisions, events, reports }: InsightsRecords,
  { from, to }: Range,
  now: Date,
): Insights {
  const inRange = (at: string) => {
    const ms = Date.parse(at);
    return ms >= from && ms < to;
  };
  const decisionsOf = (itemId: string) => decisions.get(itemId) ?? [];
  const flagged = items.filter((i) => inRange(i.flaggedAt));
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    minVolume: MIN_VOLUME,
    ...rulePrecision(flagged, decisionsOf, MIN_VOLUME),
    suppliers: supplierScorecard(flagged, reports, now),
    agreement: reviewAgreement(items, decisionsOf, inRange, MIN_OVERLAP),
    flow: flow(items, decisionsOf, { from, to }, now.getTime()),
    exposure: exposure(events, [...decisions.values()].flat(), inRange),
  };
}

/** The range a query asks for: by default the week up to now. */
export function rangeOf(query: InsightsQuery, now: Date): Range {
  const to = query.to ? Date.parse(query.to) : now.getTime();
  return { from: query.from ? Date.parse(query.from) : to - WEEK_MS, to };
}

/**
 * The insights over the query's range, reading only the items the range touches (flagged in it,
 * or with a decision made in it) with their decisions; the items waiting now are counted by the
 * database; reveals are read from the audit log, as they were recorded.
 */
export async function computeInsights(
  trx: Transaction<Database>,
  query: InsightsQuery,
  now: Date,
): Promise<Insights> {
  const range = rangeOf(query, now);
  const [items, decisions, waiting, events, reports] = await Promise.all([
    insightItems(trx, range),
    insightDecisions(trx, range),
    pendingByAge(trx, now),
    revealEvents(trx),
    supplierReports(trx),
  ]);
  const insights = insightsOf({ items, decisions, events, reports }, range, now);
  return { ...insights, flow: { ...insights.flow, pendingByAge: waiting } };
}
