import { expect, test } from 'vitest';
import { decodePng, lumaStats } from '../../testing/png-luma';
import { blurredPreviewPng, revealedOriginalPng, SYNTHETIC_LABEL } from './synthetic-images';

const hashes = ['a'.repeat(64), '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0'];

test('the revealed original is unlike its blurred preview: hard-edged, high-contrast and grey', () => {
  for (const hash of hashes) {
    const blurred = lumaStats(blurredPreviewPng(hash));
    const revealed = lumaStats(revealedOriginalPng(hash));
    expect(revealed.chroma).toBe(0);
    expect(revealed.contrast).toBeGreaterThan(60);
    expect(revealed.contrast).toBeGreaterThan(blurred.contrast * 2);
    expect(revealed.edges).toBeGreaterThan(50);
    expect(blurred.edges).toBeLessThan(5);
  }
});

test('the revealed original says it is synthetic, in white on a black band along its foot', () => {
  const { width, height, channels, data } = decodePng(revealedOriginalPng(hashes[1] ?? ''));
  let lit = 0;
  let dark = 0;
  for (let y = height - 13; y < height; y++)
    for (let x = 0; x < width; x++) {
      const value = data[(y * width + x) * channels] ?? -1;
      if (value === 255) lit++;
      else if (value === 0) dark++;
    }
  // Every lit pixel of the band is a stroke of the label's 5×7 letters, and the rest is black.
  expect(SYNTHETIC_LABEL).toBe('SYNTHETIC');
  expect(lit).toBe(123);
  expect(lit + dark).toBe(width * 13);
});

test('each item’s original differs', () => {
  const [a, b] = hashes.map((hash) => revealedOriginalPng(hash));
  expect(a?.equals(b ?? Buffer.alloc(0))).toBe(false);
});
