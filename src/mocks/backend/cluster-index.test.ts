import { describe, expect, it } from 'vitest';
import type { FlaggedItem } from '../../api/schemas/item';
import { generateData } from '../../server/demo/generator';
import { PDQ_CLUSTER_DISTANCE, createClusterIndex, pdqDistance } from './cluster-index';
import { createRandom } from '../../server/demo/random';

const now = new Date('2026-11-25T12:00:00.000Z');
const [base] = generateData({ seed: 1, items: 1, now, leaseSeconds: 300 }).items;
if (!base) throw new Error('no generated item');

/** A generated item with its id and hashes replaced by synthetic ones. */
const item = (id: string, sha: string, pdq: string | null): FlaggedItem => ({
  ...base,
  id,
  media: { ...base.media, sha256: sha, pdq },
});

/** A synthetic 64-hex-digit SHA-256 from a number. */
const sha = (n: number) => n.toString(16).padStart(64, '0');
const ZERO = '0'.repeat(64);
/** A PDQ with its first `count` bits set: `count` bits from ZERO, with whole bytes left zero. */
const leadingOnes = (count: number) => {
  const bits = '1'.repeat(count).padEnd(256, '0');
  return Array.from({ length: 64 }, (_, i) =>
    parseInt(bits.slice(i * 4, i * 4 + 4), 2).toString(16),
  ).join('');
};

type Row = readonly [id: string, match: 'sha256' | 'pdq', distance: number];
const ids = (members: { item: FlaggedItem }[]) => members.map((m) => m.item.id);

describe('pdqDistance', () => {
  it('counts differing bits', () => {
    expect(pdqDistance(ZERO, ZERO)).toBe(0);
    expect(pdqDistance(ZERO, 'f'.repeat(64))).toBe(256);
    expect(pdqDistance(ZERO, `${'0'.repeat(63)}1`)).toBe(1);
    expect(pdqDistance(`8${'0'.repeat(63)}`, ZERO)).toBe(1);
    expect(pdqDistance('a'.repeat(64), '5'.repeat(64))).toBe(256);
    expect(pdqDistance('3'.repeat(64), ZERO)).toBe(128);
    expect(pdqDistance(ZERO, leadingOnes(31))).toBe(31);
    expect(pdqDistance('0123456789abcdef'.repeat(4), '0123456789abcdef'.repeat(4))).toBe(0);
    expect(pdqDistance('0123456789abcdef'.repeat(4), '1032547698badcfe'.repeat(4))).toBe(64);
  });

  it('ignores case and rejects anything but 64 hex digits', () => {
    expect(pdqDistance('ABCDEF'.padEnd(64, '0'), 'abcdef'.padEnd(64, '0'))).toBe(0);
    expect(() => pdqDistance(ZERO, '0'.repeat(63))).toThrow(RangeError);
    expect(() => pdqDistance(ZERO, `${'0'.repeat(63)}g`)).toThrow(RangeError);
  });
});

describe('createClusterIndex', () => {
  it('finds the items with the same SHA-256, at distance 0, and never the item itself', () => {
    const a = item('itm_a', sha(1), null);
    const b = item('itm_b', sha(1), null);
    const c = item('itm_c', sha(2), null);
    const index = createClusterIndex([a, b, c]);
    expect(index.clusterOf(a)).toEqual([{ item: b, match: 'sha256', distance: 0 }]);
    expect(index.clusterOf(b)).toEqual([{ item: a, match: 'sha256', distance: 0 }]);
    expect(index.clusterOf(c)).toEqual([]);
    // A newer version of the same item (same id, another object) is still itself.
    expect(ids(index.clusterOf({ ...a, version: a.version + 1 }))).toEqual(['itm_b']);
  });

  it('finds a PDQ at distance 31 and not at 32', () => {
    const a = item('itm_a', sha(1), ZERO);
    const at31 = item('itm_31', sha(2), leadingOnes(31));
    const at32 = item('itm_32', sha(3), leadingOnes(32));
    // One bit in each of 31 bytes: a single byte left in common with ZERO.
    const spread31 = item('itm_s31', sha(4), `${'01'.repeat(31)}00`);
    // One bit in each of the 32 bytes: no byte in common, so not even a candidate.
    const spread32 = item('itm_s32', sha(5), '01'.repeat(32));
    const index = createClusterIndex([a, at31, at32, spread31, spread32]);
    expect(index.clusterOf(a)).toEqual([
      { item: at31, match: 'pdq', distance: 31 },
      { item: spread31, match: 'pdq', distance: 31 },
    ]);
    expect(ids(index.clusterOf(a, 30))).toEqual([]);
    expect(ids(index.clusterOf(at32))).toEqual(['itm_31']);
  });

  it('is a neighbourhood, not a transitive chain', () => {
    const a = item('itm_a', sha(1), ZERO);
    const b = item('itm_b', sha(2), leadingOnes(20));
    const c = item('itm_c', sha(3), leadingOnes(40));
    const index = createClusterIndex([a, b, c]);
    expect(pdqDistance(ZERO, leadingOnes(40))).toBe(40);
    expect(ids(index.clusterOf(a))).toEqual(['itm_b']);
    expect(ids(index.clusterOf(b))).toEqual(['itm_a', 'itm_c']);
    expect(ids(index.clusterOf(c))).toEqual(['itm_b']);
  });

  it('matches items without a PDQ by SHA-256 only', () => {
    const a = item('itm_a', sha(1), null);
    const sameFile = item('itm_b', sha(1), ZERO);
    const similar = item('itm_c', sha(2), ZERO);
    const index = createClusterIndex([a, sameFile, similar]);
    expect(index.clusterOf(a)).toEqual([{ item: sameFile, match: 'sha256', distance: 0 }]);
    expect(index.clusterOf(similar)).toEqual([{ item: sameFile, match: 'pdq', distance: 0 }]);
  });

  it('lists SHA-256 matches first, then by distance, then by id, each item once', () => {
    const a = item('itm_a', sha(1), ZERO);
    const members = [
      item('itm_z', sha(1), ZERO), // same file: a SHA-256 match, not also a PDQ one
      item('itm_y', sha(1), leadingOnes(25)),
      item('itm_d', sha(2), leadingOnes(9)),
      item('itm_c', sha(3), leadingOnes(2)),
      item('itm_b', sha(4), leadingOnes(9)),
    ];
    const index = createClusterIndex([a, ...members]);
    expect(index.clusterOf(a).map((m) => [m.item.id, m.match, m.distance] as const)).toEqual([
      ['itm_y', 'sha256', 0],
      ['itm_z', 'sha256', 0],
      ['itm_c', 'pdq', 2],
      ['itm_b', 'pdq', 9],
      ['itm_d', 'pdq', 9],
    ]);
  });

  it('answers for an item that is not in the index', () => {
    const index = createClusterIndex([item('itm_a', sha(1), ZERO)]);
    expect(ids(index.clusterOf(item('itm_new', sha(1), null)))).toEqual(['itm_a']);
    expect(ids(index.clusterOf(item('itm_new', sha(2), leadingOnes(3))))).toEqual(['itm_a']);
    expect(createClusterIndex([]).clusterOf(item('itm_a', sha(1), ZERO))).toEqual([]);
  });

  it('refuses a distance the pigeonhole index cannot serve', () => {
    const a = item('itm_a', sha(1), ZERO);
    const index = createClusterIndex([a]);
    expect(PDQ_CLUSTER_DISTANCE).toBe(31);
    expect(() => index.clusterOf(a, 32)).toThrow(RangeError);
    expect(() => index.clusterOf(a, -1)).toThrow(RangeError);
    expect(() => index.clusterOf(a, 1.5)).toThrow(RangeError);
    expect(index.clusterOf(a, 0)).toEqual([]);
  });

  it('agrees with comparing every pair, on random and near-duplicate hashes', () => {
    const random = createRandom(42);
    const items: FlaggedItem[] = [];
    for (let i = 0; i < 400; i++) {
      const source = i > 0 && random.chance(0.3) ? items[random.int(0, i - 1)] : undefined;
      let pdq: string | null = random.chance(0.1) ? null : random.hex(64);
      if (source?.media.pdq && pdq !== null) {
        // A copy of an earlier hash with up to 40 bits flipped (some beyond reach, some not).
        const digits = Array.from(source.media.pdq, (c) => parseInt(c, 16));
        for (let flips = random.int(0, 40); flips > 0; flips--) {
          const bit = random.int(0, 255);
          digits[bit >> 2] = (digits[bit >> 2] ?? 0) ^ (8 >> (bit & 3));
        }
        pdq = digits.map((d) => d.toString(16)).join('');
      }
      const shaOf = random.chance(0.1) ? source?.media.sha256 : undefined;
      items.push(item(`itm_${i.toString().padStart(3, '0')}`, shaOf ?? random.hex(64), pdq));
    }
    const index = createClusterIndex(items);
    let pdqMatches = 0;
    for (const a of items) {
      const expected = items
        .filter((b) => b.id !== a.id)
        .flatMap((b): Row[] => {
          if (b.media.sha256 === a.media.sha256) return [[b.id, 'sha256', 0]];
          if (a.media.pdq === null || b.media.pdq === null) return [];
          const distance = pdqDistance(a.media.pdq, b.media.pdq);
          return distance <= PDQ_CLUSTER_DISTANCE ? [[b.id, 'pdq', distance]] : [];
        })
        .sort(
          (x, y) =>
            Number(x[1] === 'pdq') - Number(y[1] === 'pdq') ||
            x[2] - y[2] ||
            (x[0] < y[0] ? -1 : 1),
        );
      const actual = index.clusterOf(a).map((m) => [m.item.id, m.match, m.distance] as const);
      expect(actual, a.id).toEqual(expected);
      pdqMatches += actual.filter((m) => m[1] === 'pdq').length;
    }
    expect(pdqMatches).toBeGreaterThan(0);
  });

  it('finds the near-duplicates and reused files of the seeded data', () => {
    const { items } = generateData({ seed: 1, items: 2000, now, leaseSeconds: 300 });
    const index = createClusterIndex(items);
    const members = items.flatMap((i) => index.clusterOf(i));
    expect(members.some((m) => m.match === 'sha256')).toBe(true);
    const near = members.filter((m) => m.match === 'pdq');
    expect(near.some((m) => m.distance >= 1 && m.distance <= 20)).toBe(true);
    // A reused file is the same image: its PDQ is reused with its SHA-256.
    for (const a of items) {
      for (const m of index.clusterOf(a)) {
        if (m.match === 'sha256' && a.media.kind === 'image' && m.item.media.kind === 'image') {
          expect(m.item.media.pdq, `${a.id} ~ ${m.item.id}`).toBe(a.media.pdq);
        }
      }
    }
  });
});
