import { inflateSync } from 'node:zlib';

/** 8-bit RGB or RGBA pixels of a PNG (as screenshots are): no palette, no interlace. */
export function decodePng(png: Buffer): {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
} {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
        throw new Error(
          `unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`,
        );
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (data[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (data[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (data[(y - 1) * stride + x - channels] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      data[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/**
 * What a person would notice in a picture: `contrast`, the spread (standard deviation) of its
 * luma; `edges`, the share of neighbouring pixel pairs (per thousand) whose luma jumps by more
 * than 48; `chroma`, its mean colourfulness (0 for a grey picture).
 */
export function lumaStats(png: Buffer) {
  const { width, height, channels, data } = decodePng(png);
  const luma = new Float64Array(width * height);
  let chroma = 0;
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [
      data[i * channels] ?? 0,
      data[i * channels + 1] ?? 0,
      data[i * channels + 2] ?? 0,
    ];
    luma[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    chroma += Math.max(r, g, b) - Math.min(r, g, b);
  }
  const mean = luma.reduce((sum, v) => sum + v, 0) / luma.length;
  const variance = luma.reduce((sum, v) => sum + (v - mean) ** 2, 0) / luma.length;
  let jumps = 0;
  let pairs = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const here = luma[y * width + x] ?? 0;
      if (x + 1 < width) {
        pairs++;
        if (Math.abs(here - (luma[y * width + x + 1] ?? 0)) > 48) jumps++;
      }
      if (y + 1 < height) {
        pairs++;
        if (Math.abs(here - (luma[(y + 1) * width + x] ?? 0)) > 48) jumps++;
      }
    }
  }
  return {
    contrast: Math.sqrt(variance),
    edges: (1000 * jumps) / Math.max(1, pairs),
    chroma: chroma / luma.length,
  };
}
