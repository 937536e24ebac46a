import type { FlaggedItem } from '../../api/schemas/item';

/**
 * The same-hash "cluster" of an item: the other items that share its SHA-256, or whose PDQ is
 * within a Hamming distance of its PDQ. A neighbourhood of one item, not a transitive closure.
 *
 * PDQ lookups use a multi-index (pigeonhole): the 256-bit hash is split into 32 bytes; two hashes
 * at distance ≤ 31 differ in at most 31 of those bytes, so at least one byte is identical. Each item
 * is indexed under its 32 (position, byte value) keys, and a query only verifies the items in its
 * own 32 buckets.
 */

/**
 * The most PDQ Hamming distance, in bits (inclusive), at which two items cluster: the default of
 * `clusterOf`, and the most the pigeonhole index can serve (32 bytes, so ≤ 31 differing bits).
 */
export const PDQ_CLUSTER_DISTANCE = 31;

/** How an item joined another's cluster: same SHA-256 (distance 0) or PDQ within the distance. */
export interface ClusterMember {
  item: FlaggedItem;
  match: 'sha256' | 'pdq';
  distance: number;
}

/** An index over a fixed set of items, built once, answering cluster queries. */
export interface ClusterIndex {
  /**
   * The other items (never `item` itself, compared by id) that share its SHA-256, or whose PDQ is
   * within `maxDistance` bits of its PDQ: SHA-256 matches first, then by distance, then by id.
   * `item` need not be one of the indexed items. Items without a PDQ only match by SHA-256.
   * Throws a RangeError unless `maxDistance` is an integer from 0 to {@link PDQ_CLUSTER_DISTANCE}.
   */
  clusterOf(item: FlaggedItem, maxDistance?: number): ClusterMember[];
}

const BYTES = 32; // a PDQ: 256 bits, 64 hex digits
const WORDS = BYTES / 4;

/** The byte of each pair of hex digits (either case), by `code1 << 7 | code2`; -1 if not hex. */
const hexPairs = new Int16Array(128 * 128).fill(-1);
for (let hi = 0; hi < 16; hi++) {
  for (let lo = 0; lo < 16; lo++) {
    for (const highDigit of [hi.toString(16), hi.toString(16).toUpperCase()]) {
      for (const lowDigit of [lo.toString(16), lo.toString(16).toUpperCase()]) {
        hexPairs[(highDigit.charCodeAt(0) << 7) | lowDigit.charCodeAt(0)] = (hi << 4) | lo;
      }
    }
  }
}

/** Parses 64 hex digits into `out[at .. at + 32)`; false if `hex` is not 64 hex digits. */
function parseHash(hex: string, out: Uint8Array, at: number): boolean {
  if (hex.length !== BYTES * 2) return false;
  for (let b = 0; b < BYTES; b++) {
    const hi = hex.charCodeAt(2 * b);
    const lo = hex.charCodeAt(2 * b + 1);
    const byte = (hi | lo) < 128 ? (hexPairs[(hi << 7) | lo] ?? -1) : -1;
    if (byte < 0) return false;
    out[at + b] = byte;
  }
  return true;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Hamming distance of the hashes at words `a[ai .. ai + 8)` and `b[bi .. bi + 8)`: 32-bit views
 * of the bytes (the order of the bytes within a word does not change a count of differing bits).
 */
function wordsDistance(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  let bits = 0;
  for (let w = 0; w < WORDS; w++) bits += popcount32(((a[ai + w] ?? 0) ^ (b[bi + w] ?? 0)) >>> 0);
  return bits;
}

/**
 * Hamming distance, in bits, of two 256-bit PDQ hashes given as 64 hex digits (either case).
 * Throws a RangeError if either is not 64 hex digits.
 */
export function pdqDistance(a: string, b: string): number {
  const bytes = new Uint8Array(BYTES * 2);
  if (!parseHash(a, bytes, 0) || !parseHash(b, bytes, BYTES)) {
    throw new RangeError('a PDQ hash is 64 hex digits');
  }
  const words = new Uint32Array(bytes.buffer);
  return wordsDistance(words, 0, words, WORDS);
}

/**
 * Indexes `items` by SHA-256 and by PDQ (pigeonhole multi-index) in O(n), for
 * {@link ClusterIndex.clusterOf} queries that only verify candidates sharing a PDQ byte. The index
 * is a snapshot: it returns the item objects it was built from, so rebuild it when items change.
 * A malformed (non-hex) PDQ is left out of the PDQ index.
 */
export function createClusterIndex(items: readonly FlaggedItem[]): ClusterIndex {
  // Items by SHA-256, as chains: the last item with each hash, and from each item the one before it
  // with the same hash (-1 at the first).
  const lastWithSha = new Map<string, number>();
  const previousWithSha = new Int32Array(items.length);
  items.forEach((item, i) => {
    previousWithSha[i] = lastWithSha.get(item.media.sha256) ?? -1;
    lastWithSha.set(item.media.sha256, i);
  });

  // The PDQ-bearing items, their hashes (as bytes, and as words of those bytes), and a CSR layout
  // of the 32·256 buckets: bucket `position << 8 | byte` holds slots[starts[k] .. starts[k + 1]),
  // each an index into `hashed`.
  const hashed: FlaggedItem[] = [];
  const bytes = new Uint8Array(items.length * BYTES);
  for (const item of items) {
    const { pdq } = item.media;
    if (pdq !== null && parseHash(pdq, bytes, hashed.length * BYTES)) hashed.push(item);
  }
  const words = new Uint32Array(bytes.buffer);
  const keyCount = hashed.length * BYTES;
  const starts = new Int32Array(BYTES * 256 + 1);
  for (let at = 0; at < keyCount; at++) {
    const key = (((at & (BYTES - 1)) << 8) | (bytes[at] ?? 0)) + 1;
    starts[key] = (starts[key] ?? 0) + 1;
  }
  for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] ?? 0) + (starts[k - 1] ?? 0);
  const fill = starts.slice(0, BYTES * 256);
  const slots = new Int32Array(keyCount);
  for (let at = 0; at < keyCount; at++) {
    const key = ((at & (BYTES - 1)) << 8) | (bytes[at] ?? 0);
    const slot = fill[key] ?? 0;
    slots[slot] = at >>> 5; // at / BYTES: the item
    fill[key] = slot + 1;
  }

  // Dedupe of candidates: `seen[i] === stamp` once item i was looked at by the current query.
  const seen = new Uint32Array(hashed.length);
  let stamp = 0;
  const queryBytes = new Uint8Array(BYTES);
  const query = new Uint32Array(queryBytes.buffer);

  return {
    clusterOf(item, maxDistance = PDQ_CLUSTER_DISTANCE) {
      if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > PDQ_CLUSTER_DISTANCE) {
        // Beyond 31 bits two hashes may share no byte at all, and the index would miss them.
        throw new RangeError(`maxDistance must be an integer from 0 to ${PDQ_CLUSTER_DISTANCE}`);
      }
      const { sha256, pdq } = item.media;
      const members: ClusterMember[] = [];
      for (let i = lastWithSha.get(sha256) ?? -1; i >= 0; i = previousWithSha[i] ?? -1) {
        const other = items[i];
        if (other && other.id !== item.id)
          members.push({ item: other, match: 'sha256', distance: 0 });
      }

      if (pdq !== null && hashed.length > 0 && parseHash(pdq, queryBytes, 0)) {
        if (stamp === 0xffffffff) {
          seen.fill(0);
          stamp = 0;
        }
        stamp++;
        for (let p = 0; p < BYTES; p++) {
          const key = (p << 8) | (queryBytes[p] ?? 0);
          const end = starts[key + 1] ?? 0;
          for (let s = starts[key] ?? 0; s < end; s++) {
            const i = slots[s] ?? 0;
            if (seen[i] === stamp) continue;
            seen[i] = stamp;
            const distance = wordsDistance(query, 0, words, i * WORDS);
            if (distance > maxDistance) continue;
            const other = hashed[i];
            // The same file was listed above, as a SHA-256 match.
            if (other && other.id !== item.id && other.media.sha256 !== sha256) {
              members.push({ item: other, match: 'pdq', distance });
            }
          }
        }
      }

      return members.sort(
        (a, b) =>
          (a.match === b.match ? 0 : a.match === 'sha256' ? -1 : 1) ||
          a.distance - b.distance ||
          (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
      );
    },
  };
}
