/** A small seeded PRNG (mulberry32) with the picks the generator needs. Same seed → same stream. */
export interface Random {
  next(): number;
  int(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(values: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  hex(length: number): string;
}

const hexDigitCodes = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const hexCodes = new Uint16Array(256);

export function createRandom(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number) =>
    min + Math.floor(next() * (maxInclusive - min + 1));
  const pick = <T>(values: readonly T[]): T => {
    const value = values[Math.floor(next() * values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: (entries) => {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return pick(entries)[0];
    },
    hex: (length) => {
      // Character codes into a reused buffer, then one String.fromCharCode: a flat string with no
      // intermediate pieces (a 100,000-item dataset holds half a million of these).
      for (let i = 0; i < length; i += 8) {
        let word = Math.floor(next() * 0x100000000);
        for (let j = Math.min(7, length - 1 - i); j >= 0; j--) {
          hexCodes[i + j] = hexDigitCodes[word & 15] ?? 48;
          word >>>= 4;
        }
      }
      return String.fromCharCode.apply(null, hexCodes.subarray(0, length) as unknown as number[]);
    },
  };
}
