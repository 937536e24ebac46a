import type { Decision, DismissReason } from '../../api/schemas/decision';
import type { Signal } from '../../api/schemas/item';
import type {
  HashDismissals,
  RulePrecision,
  RuleVersionPrecision,
} from '../../api/schemas/insights';
import { wilsonInterval } from '../../domain/statistics';
import type { InsightItem } from './insight-item';

/** Not false positives: they do not count against a rule's precision. */
const NEUTRAL: ReadonlySet<DismissReason> = new Set(['duplicate', 'unusable_media']);

type Outcome =
  { kind: 'confirmed' } | { kind: 'dismissed'; reason: DismissReason } | { kind: 'pending' };

/** What became of an item: its latest dismissal's reason when dismissed. */
export function outcomeOf(item: InsightItem, decisions: readonly Decision[]): Outcome {
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
function matchedHash(item: InsightItem, algorithm: HashDismissals['algorithm']): string | null {
  if (algorithm === 'PDQ') return item.media.pdq;
  if (algorithm === 'MD5') return item.media.md5;
  if (algorithm === 'SHA256') return item.media.sha256;
  return null;
}

interface Tally {
  flagged: number;
  confirmed: number;
  falsePositives: number;
  pending: number;
  byReason: Map<DismissReason, number>;
}

const tally = (): Tally => ({
  flagged: 0,
  confirmed: 0,
  falsePositives: 0,
  pending: 0,
  byReason: new Map(),
});

function count(into: Tally, outcome: Outcome) {
  into.flagged++;
  if (outcome.kind === 'confirmed') into.confirmed++;
  else if (outcome.kind === 'pending') into.pending++;
  else {
    into.byReason.set(outcome.reason, (into.byReason.get(outcome.reason) ?? 0) + 1);
    if (isFalsePositive(outcome)) into.falsePositives++;
  }
}

/** A tally's counts with its precision, 95% Wilson interval and whether it may be ranked. */
function counts({ byReason, ...t }: Tally, minVolume: number) {
  const decided = t.confirmed + t.falsePositives;
  return {
    ...t,
    dismissed: [...byReason].map(([reason, n]) => ({ reason, count: n })),
    precision: decided === 0 ? null : t.confirmed / decided,
    interval: wilsonInterval(t.confirmed, decided),
    enoughVolume: decided >= minVolume,
  };
}

const newestFirst = (a: RuleVersionPrecision, b: RuleVersionPrecision) =>
  b.ruleVersion.localeCompare(a.ruleVersion, 'en', { numeric: true });

/**
 * The order the insights list rules in: first those with enough decided flags to rank, the most
 * false positives first (decided flags × (1 − precision): the reviews a retune would save), then
 * the least precise; then the rest, the most flagged first.
 */
export function rankRules(rules: readonly RulePrecision[]): RulePrecision[] {
  return [...rules].sort(
    (a, b) =>
      Number(b.enoughVolume) - Number(a.enoughVolume) ||
      (a.enoughVolume ? b.falsePositives - a.falsePositives : 0) ||
      (a.enoughVolume ? (a.precision ?? 2) - (b.precision ?? 2) : 0) ||
      b.flagged - a.flagged ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** One hash-list signal's listed hash, counted once per item for its hash. */
function countHash(
  hashes: Map<string, HashDismissals>,
  seen: Set<string>,
  item: InsightItem,
  signal: Signal,
  outcome: Outcome,
) {
  if (signal.kind !== 'hash_match' || outcome.kind === 'pending') return;
  const hash = matchedHash(item, signal.algorithm);
  const key = `${signal.hashList}|${signal.algorithm}|${hash}`;
  // One item counts once per listed hash, however many rule versions matched it.
  if (hash === null || seen.has(key)) return;
  seen.add(key);
  const entry = hashes.get(key) ?? {
    hashList: signal.hashList,
    algorithm: signal.algorithm,
    hash,
    ruleId: signal.ruleId,
    falsePositives: 0,
    confirmed: 0,
  };
  if (outcome.kind === 'confirmed') entry.confirmed++;
  if (isFalsePositive(outcome)) entry.falsePositives++;
  hashes.set(key, entry);
}

/**
 * Per detector rule, with its versions beneath: what its flags became, and its precision with a
 * 95% Wilson interval. An item flagged by two versions of a rule counts in each version and once
 * for the rule. Ranked by `rankRules`. For hash lists, the listed hashes most often dismissed as
 * false: candidates to disable or report upstream.
 */
export function rulePrecision(
  items: readonly InsightItem[],
  decisionsOf: (itemId: string) => readonly Decision[],
  minVolume: number,
): { rules: RulePrecision[]; hashes: HashDismissals[] } {
  type Rule = Pick<RulePrecision, 'ruleId' | 'ruleName' | 'kind'> & {
    all: Tally;
    versions: Map<string, Tally>;
  };
  const rules = new Map<string, Rule>();
  const hashes = new Map<string, HashDismissals>();
  for (const item of items) {
    const outcome = outcomeOf(item, decisionsOf(item.id));
    const seenRules = new Set<string>();
    const seenVersions = new Set<string>();
    const seenHashes = new Set<string>();
    for (const signal of item.signals) {
      let rule = rules.get(signal.ruleId);
      if (!rule) {
        const { ruleId, ruleName, kind } = signal;
        rule = { ruleId, ruleName, kind, all: tally(), versions: new Map() };
        rules.set(signal.ruleId, rule);
      }
      if (!seenRules.has(signal.ruleId)) {
        seenRules.add(signal.ruleId);
        count(rule.all, outcome);
      }
      const versionKey = `${signal.ruleId}@${signal.ruleVersion}`;
      if (!seenVersions.has(versionKey)) {
        seenVersions.add(versionKey);
        const version = rule.versions.get(signal.ruleVersion) ?? tally();
        rule.versions.set(signal.ruleVersion, version);
        count(version, outcome);
      }
      countHash(hashes, seenHashes, item, signal, outcome);
    }
  }
  const rows = [...rules.values()].map(({ all, versions, ...rule }) => ({
    ...rule,
    ...counts(all, minVolume),
    versions: [...versions]
      .map(([ruleVersion, t]) => ({ ruleVersion, ...counts(t, minVolume) }))
      .sort(newestFirst),
  }));
  return {
    rules: rankRules(rows),
    hashes: [...hashes.values()]
      .filter((h) => h.falsePositives > 0)
      .sort((a, b) => b.falsePositives - a.falsePositives || a.hash.localeCompare(b.hash))
      .slice(0, 10),
  };
}
