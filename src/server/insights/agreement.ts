import type { Decision } from '../../api/schemas/decision';
import type { ReviewAgreement } from '../../api/schemas/insights';
import type { Actor } from '../../api/schemas/user';
import { agreementRate, cohensKappa } from '../../domain/statistics';
import type { InsightItem } from './insight-item';

type Table = [[number, number], [number, number]];
const emptyTable = (): Table => [
  [0, 0],
  [0, 0],
];
const category = (decision: Decision) =>
  decision.verdict.kind === 'confirm' ? 0 : decision.verdict.kind === 'dismiss' ? 1 : null;
const summarise = (table: Table) => ({
  compared: table[0][0] + table[0][1] + table[1][0] + table[1][1],
  rate: agreementRate(table),
  kappa: cohensKappa(table),
});

/**
 * How often the second, blind review agrees with the first, and Cohen's kappa (agreement beyond
 * chance), over the items whose second review fell in the range: overall and per pair of
 * reviewers with at least `minOverlap` such items; and what the supervisors made of the
 * disagreements.
 */
export function reviewAgreement(
  items: readonly InsightItem[],
  decisionsOf: (itemId: string) => readonly Decision[],
  inRange: (at: string) => boolean,
  minOverlap: number,
): ReviewAgreement {
  const overall = emptyTable();
  const pairs = new Map<string, { first: Actor; second: Actor; table: Table }>();
  const disagreements = { confirmed: 0, dismissed: 0, waiting: 0 };
  for (const item of items) {
    const decisions = decisionsOf(item.id);
    const first = decisions.findLast((d) => d.stage === 'first' && d.supersedes === null);
    const second = decisions.findLast((d) => d.stage === 'second' && d.supersedes === null);
    if (!first || !second || !inRange(second.at)) continue;
    const a = category(first);
    const b = category(second);
    if (a === null || b === null) continue;
    overall[a][b]++;
    // A pair is the two people, whoever reviewed first: rows are the one with the lower id.
    const [one, other] = first.actor.id < second.actor.id ? [first, second] : [second, first];
    const key = `${one.actor.id}|${other.actor.id}`;
    const pair = pairs.get(key) ?? { first: one.actor, second: other.actor, table: emptyTable() };
    const [row, column]: [0 | 1, 0 | 1] = one === first ? [a, b] : [b, a];
    pair.table[row][column]++;
    pairs.set(key, pair);
    if (a !== b) {
      if (item.status === 'confirmed') disagreements.confirmed++;
      else if (item.status === 'dismissed') disagreements.dismissed++;
      else disagreements.waiting++;
    }
  }
  return {
    overall: summarise(overall),
    pairs: [...pairs.values()]
      .map(({ first, second, table }) => ({ first, second, ...summarise(table) }))
      .filter((p) => p.compared >= minOverlap)
      .sort((a, b) => (a.kappa ?? 2) - (b.kappa ?? 2) || b.compared - a.compared),
    minOverlap,
    disagreements,
  };
}
