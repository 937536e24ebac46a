import { deflateSync } from 'node:zlib';

/**
 * The server-blurred derivative of an item: an abstract, procedurally generated image (soft colour
 * fields seeded from the item's hash). Never imagery of people; the mock stores no media at all.
 */
const SIZE = 48;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/**
 * A 48×48 RGB PNG of three blobs whose colours and places come from `hashHex`: soft for the
 * blurred derivative, sharp-edged for the revealed "original" (still abstract, still synthetic).
 */
export function blurredPreviewPng(
  hashHex: string,
  sharpness: 'blurred' | 'revealed' = 'blurred',
): Buffer {
  const falloff = sharpness === 'blurred' ? 120 : 4;
  const byte = (i: number) => parseInt(hashHex.slice((i * 2) % 60, ((i * 2) % 60) + 2), 16) || 0;
  const blobs = [0, 1, 2].map((b) => ({
    x: (byte(b * 5) / 255) * SIZE,
    y: (byte(b * 5 + 1) / 255) * SIZE,
    rgb: [byte(b * 5 + 2), byte(b * 5 + 3), byte(b * 5 + 4)] as const,
  }));
  const raw = Buffer.alloc(SIZE * (SIZE * 3 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0,
        g = 0,
        b = 0,
        total = 0;
      for (const blob of blobs) {
        const w = 1 / (1 + ((x - blob.x) ** 2 + (y - blob.y) ** 2) / falloff);
        r += blob.rgb[0] * w;
        g += blob.rgb[1] * w;
        b += blob.rgb[2] * w;
        total += w;
      }
      const at = row + 1 + x * 3;
      raw[at] = r / total;
      raw[at + 1] = g / total;
      raw[at + 2] = b / total;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
