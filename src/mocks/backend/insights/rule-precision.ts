import type { Decision, DismissReason } from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { HashDismissals, RulePrecision } from '../../../api/schemas/insights';
import { wilsonInterval } from '../../../domain/statistics';

/** Not false positives: they do not count against a rule's precision (DESIGN.md §3). */
const NEUTRAL: ReadonlySet<DismissReason> = new Set(['duplicate', 'unusable_media']);

type Outcome =
  { kind: 'confirmed' } | { kind: 'dismissed'; reason: DismissReason } | { kind: 'pending' };

/** What became of an item: its latest dismissal's reason when dismissed. */
export function outcomeOf(item: FlaggedItem, decisions: readonly Decision[]): Outcome {
  if (item.status === 'confirmed') return { kind: 'confirmed' };
  if (item.status === 'dismissed') {
    const last = decisions.findLast((d) => d.verdict.kind === 'dismiss')?.verdict;
    return { kind: 'dismissed', reason: last?.kind === 'dismiss' ? last.reason : 'other' };
  }
  return { kind: 'pending' };
}

const isFalsePositive = (outcome: Outcome) =>
  outcome.kind === 'dismissed' && !NEUTRAL.has(outcome.reason);

/**
 * The item's own hash in the algorithm a listed-hash rule matched with; null when the item holds
 * none in it (PhotoDNA, or PDQ for an item without one): better no row than a mislabelled hash.
 */
function matchedHash(item: FlaggedItem, algorithm: HashDismissals['algorithm']): string | null {
  if (algorithm === 'PDQ') return item.media.pdq;
  if (algorithm === 'MD5') return item.media.md5;
  if (algorithm === 'SHA256') return item.media.sha256;
  return null;
}

/**
 * Per detector rule and version: what its flags became, and its precision with a 95% Wilson
 * interval. Rules with at least `minVolume` decided items come first, the least precise first.
 * For hash lists, the listed hashes most often dismissed as false: candidates to disable or report
 * upstream.
 */
export function rulePrecision(
  items: readonly FlaggedItem[],
  decisionsOf: (itemId: string) => readonly Decision[],
  minVolume: number,
): { rules: RulePrecision[]; hashes: HashDismissals[] } {
  const rules = new Map<string, RulePrecision & { byReason: Map<DismissReason, number> }>();
  const hashes = new Map<string, HashDismissals>();
  for (const item of items) {
    const outcome = outcomeOf(item, decisionsOf(item.id));
    const seen = new Set<string>();
    const seenHashes = new Set<string>();
    for (const signal of item.signals) {
      const key = `${signal.ruleId}@${signal.ruleVersion}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let rule = rules.get(key);
      if (!rule) {
        rule = {
          ruleId: signal.ruleId,
          ruleName: signal.ruleName,
          ruleVersion: signal.ruleVersion,
          kind: signal.kind,
          flagged: 0,
          confirmed: 0,
          dismissed: [],
          falsePositives: 0,
          pending: 0,
          precision: null,
          interval: null,
          enoughVolume: false,
          byReason: new Map(),
        };
        rules.set(key, rule);
      }
      rule.flagged++;
      if (outcome.kind === 'confirmed') rule.confirmed++;
      else if (outcome.kind === 'pending') rule.pending++;
      else {
        rule.byReason.set(outcome.reason, (rule.byReason.get(outcome.reason) ?? 0) + 1);
        if (isFalsePositive(outcome)) rule.falsePositives++;
      }
      const hash = signal.kind === 'hash_match' ? matchedHash(item, signal.algorithm) : null;
      const hashKey =
        signal.kind === 'hash_match' ? `${signal.hashList}|${signal.algorithm}|${hash}` : '';
      if (
        signal.kind === 'hash_match' &&
        hash !== null &&
        outcome.kind !== 'pending' &&
        !seenHashes.has(hashKey)
      ) {
        // One item counts once per listed hash, however many rule versions matched it.
        seenHashes.add(hashKey);
        const entry = hashes.get(hashKey) ?? {
          hashList: signal.hashList,
          algorithm: signal.algorithm,
          hash,
          ruleId: signal.ruleId,
          falsePositives: 0,
          confirmed: 0,
        };
        if (outcome.kind === 'confirmed') entry.confirmed++;
        if (isFalsePositive(outcome)) entry.falsePositives++;
        hashes.set(hashKey, entry);
      }
    }
  }
  const rows = [...rules.values()].map(({ byReason, ...rule }) => {
    const decided = rule.confirmed + rule.falsePositives;
    return {
      ...rule,
      dismissed: [...byReason].map(([reason, count]) => ({ reason, count })),
      precision: decided === 0 ? null : rule.confirmed / decided,
      interval: wilsonInterval(rule.confirmed, decided),
      enoughVolume: decided >= minVolume,
    };
  });
  rows.sort(
    (a, b) =>
      Number(b.enoughVolume) - Number(a.enoughVolume) ||
      (a.precision ?? 2) - (b.precision ?? 2) ||
      b.flagged - a.flagged ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return {
    rules: rows,
    hashes: [...hashes.values()]
      .filter((h) => h.falsePositives > 0)
      .sort((a, b) => b.falsePositives - a.falsePositives || a.hash.localeCompare(b.hash))
      .slice(0, 10),
  };
}
