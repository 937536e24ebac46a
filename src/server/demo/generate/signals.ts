import type { HashList, Priority, Signal } from '../../../api/schemas/item';
import type { Random } from '../random';
import { untrusted, type TriageQueue } from './catalog';

/** A fuzzy hash list's limit: the largest distance (PDQ bits) at which it matches. */
const PDQ_MATCH_LIMIT = 31;

/**
 * Why an item was flagged: a signal of the kind its queue routes, and the priority it implies.
 * Only signals a real matcher raises: within the hash list's limit, at or above the threshold.
 */
export function generateSignal(r: Random, queue: TriageQueue): Signal {
  const { signalKind, band } = queue.routes;
  switch (signalKind) {
    case 'hash_match': {
      const hashList = r.weighted<HashList>([
        ['ncmec', 5],
        ['industry', 3],
        ['internal', 2],
      ]);
      const algorithm = r.weighted([
        ['PDQ', 6],
        ['MD5', 2],
        ['PhotoDNA', 1],
        ['SHA256', 1],
      ] as const);
      const fuzzy = algorithm === 'PDQ' || algorithm === 'PhotoDNA';
      return {
        kind: 'hash_match',
        ruleId: `hash-${hashList}-${algorithm.toLowerCase()}`,
        ruleName: `${hashList.toUpperCase()} list · ${algorithm}`,
        ruleVersion: `${r.int(1, 4)}`,
        hashList,
        algorithm,
        // A matcher raises a signal only within the list's limit.
        distance: fuzzy ? r.int(0, PDQ_MATCH_LIMIT) : 0,
        maxDistance: fuzzy ? PDQ_MATCH_LIMIT : 0,
      };
    }
    case 'classifier': {
      // A classifier raises a signal only at or above its threshold: high-confidence scores well
      // above it, the near-threshold band just above it.
      const threshold = band === 'high' ? 0.9 : 0.7;
      const score = threshold + r.next() * (band === 'high' ? 0.1 : 0.2);
      const version = r.pick(['7', '8']);
      return {
        kind: 'classifier',
        ruleId: `clf-csam-v${version}`,
        ruleName: `csam-v${version} image classifier`,
        ruleVersion: version,
        score: Math.round(score * 1000) / 1000,
        threshold,
      };
    }
    case 'text_rule': {
      const rule = r.pick(['age-terms', 'trade-slang', 'file-name-pattern']);
      return {
        kind: 'text_rule',
        ruleId: `text-${rule}`,
        ruleName: `Text rule: ${rule}`,
        ruleVersion: `${r.int(1, 12)}`,
        field: r.pick(['pageTitle', 'fileName', 'caption']),
        matchedText: untrusted(r, r.pick(['[term redacted]', 'pattern 0xA1', 'rule-token-17'])),
      };
    }
    case 'heuristic':
      return {
        kind: 'heuristic',
        ruleId: 'heur-cluster',
        ruleName: 'Near a confirmed cluster',
        ruleVersion: '1',
        description: 'Shares a host and batch with confirmed items.',
      };
  }
}

export function priorityOf(r: Random, signal: Signal): Priority {
  if (signal.kind === 'hash_match' && signal.hashList === 'ncmec')
    return r.chance(0.6) ? 'p0' : 'p1';
  if (signal.kind === 'classifier' && signal.score >= 0.9) return r.chance(0.5) ? 'p1' : 'p2';
  return r.weighted<Priority>([
    ['p1', 1],
    ['p2', 3],
    ['p3', 3],
  ]);
}
