import { encodeRgbPng } from './png-encode';

/**
 * The demo's media, drawn from an item's hash: never imagery of people. The demo writes these into
 * its media directory when it seeds (`seed-media.ts`); the server only reads files. The blurred
 * derivative is soft colour fields; the revealed "original" is unmistakably something else —
 * hard-edged grey shapes in strong contrast under a "SYNTHETIC" band — so a person sees at once
 * that a reveal happened, with grayscale on or off.
 */
const BLURRED_SIZE = 48;
const REVEALED_SIZE = 96;

/** Byte `i` of the hash (wrapping), 0–255. */
const hashByte = (hashHex: string, i: number) =>
  parseInt(hashHex.slice((i * 2) % 60, ((i * 2) % 60) + 2), 16) || 0;

/** A 48×48 RGB PNG of three soft colour blobs whose colours and places come from `hashHex`. */
export function blurredPreviewPng(hashHex: string): Buffer {
  const byte = (i: number) => hashByte(hashHex, i);
  const blobs = [0, 1, 2].map((b) => ({
    x: (byte(b * 5) / 255) * BLURRED_SIZE,
    y: (byte(b * 5 + 1) / 255) * BLURRED_SIZE,
    rgb: [byte(b * 5 + 2), byte(b * 5 + 3), byte(b * 5 + 4)] as const,
  }));
  return encodeRgbPng(BLURRED_SIZE, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let total = 0;
    for (const blob of blobs) {
      const w = 1 / (1 + ((x - blob.x) ** 2 + (y - blob.y) ** 2) / 120);
      r += blob.rgb[0] * w;
      g += blob.rgb[1] * w;
      b += blob.rgb[2] * w;
      total += w;
    }
    return [r / total, g / total, b / total];
  });
}

/** 5×7 capitals, a row per string, `#` lit. */
const glyphs: Record<string, readonly string[]> = {
  S: ['.###.', '#...#', '#....', '.###.', '....#', '#...#', '.###.'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  N: ['#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#', '#...#'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
};
export const SYNTHETIC_LABEL = 'SYNTHETIC';
const BAND_TOP = REVEALED_SIZE - 13;
const LABEL_TOP = BAND_TOP + 3;
const LABEL_LEFT = Math.floor((REVEALED_SIZE - (SYNTHETIC_LABEL.length * 6 - 1)) / 2);

/** Whether the label lights pixel (x, y) of the band. */
function labelLit(x: number, y: number): boolean {
  const column = x - LABEL_LEFT;
  const letter = SYNTHETIC_LABEL[Math.floor(column / 6)];
  if (column < 0 || letter === undefined || column % 6 === 5) return false;
  return glyphs[letter]?.[y - LABEL_TOP]?.[column % 6] === '#';
}

type Shape = (x: number, y: number) => boolean;

/** Hard-edged shapes (bars, discs, wedges, a striped block), placed and sized by the hash. */
function shapesOf(hashHex: string): { inside: Shape; grey: number }[] {
  const byte = (i: number) => hashByte(hashHex, i);
  const at = (i: number, span: number) => 8 + (byte(i) / 255) * (span - 16);
  const shapes: { inside: Shape; grey: number }[] = [];
  for (let s = 0; s < 6; s++) {
    const cx = at(s * 4 + 1, REVEALED_SIZE);
    const cy = at(s * 4 + 2, BAND_TOP);
    const size = 12 + (byte(s * 4 + 3) % 22);
    const grey = s % 2 === 0 ? 245 : 140 + (byte(s * 4 + 4) % 70);
    const kind = (byte(s * 4 + 4) + s) % 4;
    const inside: Shape =
      kind === 0
        ? (x, y) => Math.abs(x - cx) <= size && Math.abs(y - cy) <= size / 2
        : kind === 1
          ? (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= size ** 2
          : kind === 2
            ? (x, y) => y >= cy - size && y <= cy + size && Math.abs(x - cx) <= (y - cy + size) / 2
            : (x, y) =>
                Math.abs(x - cx) <= size &&
                Math.abs(y - cy) <= size / 2 &&
                Math.floor((x + y) / 4) % 2 === 0;
    shapes.push({ inside, grey });
  }
  return shapes;
}

/**
 * A 96×96 grey PNG standing for the revealed original: hard-edged light shapes on a dark ground
 * (hash-seeded, so each item's differs), with a black band along the bottom reading "SYNTHETIC".
 */
export function revealedOriginalPng(hashHex: string): Buffer {
  const shapes = shapesOf(hashHex);
  const ground = 20 + (hashByte(hashHex, 20) % 30);
  return encodeRgbPng(REVEALED_SIZE, (x, y) => {
    let grey = ground;
    if (y >= BAND_TOP) grey = labelLit(x, y) ? 255 : 0;
    else for (const shape of shapes) if (shape.inside(x, y)) grey = shape.grey;
    return [grey, grey, grey];
  });
}
