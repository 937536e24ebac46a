import type { RulePrecision } from '../../../api/schemas/insights';

/**
 * The rules the page ranks, and those it hides for too little data: fewer decided flags than the
 * minimum sample, where a precision would be noise. The server's order is kept within each.
 */
export function rankedAndHidden(rules: readonly RulePrecision[]) {
  const ranked = rules.filter((r) => r.enoughVolume);
  const hidden = rules.filter((r) => !r.enoughVolume);
  return {
    ranked,
    hidden,
    /** Rows of the per-version list these hidden rules stand for. */
    hiddenVersions: hidden.reduce((n, r) => n + r.versions.length, 0),
  };
}

/** "14 rules (43 versions)", "1 rule (1 version)". */
export const rulesAndVersions = (rules: number, versions: number) =>
  `${rules} ${rules === 1 ? 'rule' : 'rules'} (${versions} ${versions === 1 ? 'version' : 'versions'})`;
