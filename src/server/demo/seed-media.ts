import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import type { FlaggedItem } from '../../api/schemas/item';
import { mediaPaths } from '../media/media-store';
import { blurredPreviewPng, revealedOriginalPng } from './media/synthetic-images';

/** Files are linked this many at a time. */
const CONCURRENCY = 32;

/** A file in place: a hard link to one already written with the same bytes, else a copy. */
async function linkOrCopy(from: string, to: string) {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Fills the demo's media directory for its items, anew: an original and a blurred derivative per
 * SHA-256 of a blurred item, the synthetic abstract PNGs of `synthetic-images.ts` (never imagery of
 * anything real). A hash-only item gets nothing: no file is ever written for bytes only hash-only
 * items carry.
 *
 * Drawing two pictures costs milliseconds, and a file costs a system call, so the pictures are a
 * pool: the hashes fall into 256 buckets by their first byte, the first hash of a bucket is drawn
 * from its own bytes, and every later hash of that bucket is a hard link to the first one's files.
 * At a few hundred items nearly every item shows its own picture; at 100,000, 256 pictures are
 * drawn and the rest are links (no data written).
 */
export async function seedDemoMedia(
  dir: string,
  items: readonly Pick<FlaggedItem, 'media' | 'preview'>[],
): Promise<{ hashes: number; drawn: number }> {
  const paths = mediaPaths(dir);
  await rm(paths.originals, { recursive: true, force: true });
  await rm(paths.blurred, { recursive: true, force: true });
  await mkdir(paths.originals, { recursive: true });
  await mkdir(paths.blurred, { recursive: true });
  const hashes = [
    ...new Set(items.filter((i) => i.preview.mode === 'blurred').map((i) => i.media.sha256)),
  ];
  const firstOfBucket = new Map<string, string>();
  const linked: [from: string, to: string][] = [];
  for (const sha256 of hashes) {
    const first = firstOfBucket.get(sha256.slice(0, 2));
    if (first === undefined) {
      firstOfBucket.set(sha256.slice(0, 2), sha256);
      await writeFile(paths.original(sha256), revealedOriginalPng(sha256));
      await writeFile(paths.blurredOf(sha256), blurredPreviewPng(sha256));
    } else {
      linked.push([paths.original(first), paths.original(sha256)]);
      linked.push([paths.blurredOf(first), paths.blurredOf(sha256)]);
    }
  }
  for (let from = 0; from < linked.length; from += CONCURRENCY)
    await Promise.all(linked.slice(from, from + CONCURRENCY).map(([a, b]) => linkOrCopy(a, b)));
  return { hashes: hashes.length, drawn: firstOfBucket.size };
}
