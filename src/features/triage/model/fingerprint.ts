/**
 * A visual fingerprint of a hash: a mirrored 8×8 grid of cells and a colour, both from the hash's
 * bits, so two items with the same hash look the same at a glance and different ones differ.
 * Pure: no media is involved, only the digest.
 */
export interface Fingerprint {
  /** 8 rows of 8 booleans, left-right symmetric. */
  cells: boolean[][];
  hue: number;
}

export function fingerprintOf(hexDigest: string): Fingerprint {
  const nibble = (i: number) => parseInt(hexDigest[i % hexDigest.length] ?? '0', 16);
  const cells = Array.from({ length: 8 }, (_, row) => {
    const half = Array.from({ length: 4 }, (_, col) => nibble(row * 4 + col) % 2 === 1);
    return [...half, ...[...half].reverse()];
  });
  const hue = ((nibble(32) << 4) | nibble(33)) * (360 / 256);
  return { cells, hue: Math.round(hue) };
}
