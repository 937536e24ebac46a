import type { Signal } from '../api/schemas/item';

/**
 * A signal past its rule's threshold: a hash farther from the list's entry than the list's limit
 * (for an exact hash, any distance), a classifier score below its threshold. A real matcher does
 * not raise such a signal; when one is shown (a limit tightened after the match, a bad import), it
 * is never a match and is marked as such wherever it appears.
 */
export function pastThreshold(signal: Signal): boolean {
  switch (signal.kind) {
    case 'hash_match':
      return signal.distance > signal.maxDistance;
    case 'classifier':
      return signal.score < signal.threshold;
    case 'text_rule':
    case 'heuristic':
      return false;
  }
}
