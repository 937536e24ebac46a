import type { Insights, InsightsQuery } from '../../../api/schemas/insights';
import type { MockState } from '../backend';
import { reviewAgreement } from '../../../server/insights/agreement';
import { exposure } from '../../../server/insights/exposure';
import { flow } from '../../../server/insights/flow';
import { rulePrecision } from '../../../server/insights/rule-precision';
import { supplierScorecard } from './supplier-scorecard';

const WEEK_MS = 7 * 86_400_000;
/** A rule's precision is ranked once this many of its items are decided. */
export const MIN_VOLUME = 10;
/** A pair of reviewers is shown once they shared this many items. */
export const MIN_OVERLAP = 5;

/**
 * Every insight over `[from, to)` from the mock's own records: items flagged in the range (rule
 * precision, suppliers, flow), second reviews, decisions and reveals made in it. Memoised while
 * nothing changes: a decision bumps the revision, any other change appends to the audit log.
 */
export function createInsights(state: () => MockState) {
  let memo: { key: string; value: Insights } | undefined;
  return (query: InsightsQuery, now: Date): Insights => {
    const to = query.to ? Date.parse(query.to) : now.getTime();
    const from = query.from ? Date.parse(query.from) : to - WEEK_MS;
    const s = state();
    const key = `${s.revision}|${s.audit.size}|${from}|${to}`;
    if (memo?.key === key) return memo.value;
    const inRange = (at: string) => {
      const ms = Date.parse(at);
      return ms >= from && ms < to;
    };
    const flagged = s.items.filter((i) => inRange(i.flaggedAt));
    const decisionsOf = (itemId: string) => s.decisions.get(itemId) ?? [];
    const reports = s.reports.list();
    const value: Insights = {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      minVolume: MIN_VOLUME,
      ...rulePrecision(flagged, decisionsOf, MIN_VOLUME),
      suppliers: supplierScorecard(flagged, {
        reasons: (id) => s.reports.supplierReasons(id).reasons,
        filed: (id) =>
          reports.filter((r) => r.status === 'filed' && r.incident.supplier.id === id).length,
      }),
      agreement: reviewAgreement(s.items, decisionsOf, inRange, MIN_OVERLAP),
      flow: flow(s.items, decisionsOf, { from, to }, now.getTime()),
      exposure: exposure(s.audit.range(1, s.audit.size), [...s.decisions.values()].flat(), inRange),
    };
    memo = { key, value };
    return value;
  };
}
