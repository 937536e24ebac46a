import { createHash, randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FlaggedItem } from '../../api/schemas/item';
import { mediaPaths } from '../media/media-store';
import { blurredPreviewPng, revealedOriginalPng } from './media/synthetic-images';

/** What the media of an item depend on: its bytes' hash, and whether it has any media at all. */
export interface MediaOf {
  media: Pick<FlaggedItem['media'], 'sha256'>;
  preview: Pick<FlaggedItem['preview'], 'mode'>;
}

/** At most this many distinct pictures are drawn. */
const POOL = 256;

/** Where an earlier seed's media wait to be removed. */
const DISCARDED = '.discarded-';

/** Files are linked this many at a time. */
const CONCURRENCY = 32;

/**
 * Names what the media directory holds once a draw has finished: a digest of its blurred hashes,
 * in order (which hash links to which picture follows from it). Removed before a draw starts, so
 * a draw that stopped half way is never taken for a finished one.
 */
const DRAWN = 'drawn.sha256';

const digestOf = (hashes: readonly string[]) =>
  createHash('sha256').update(hashes.join('\n')).digest('hex');

const readDrawn = (path: string) => readFile(path, 'utf8').catch(() => null);

/** A file in place: a hard link to one already written with the same bytes, else a copy. */
async function linkOrCopy(from: string, to: string) {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Moves the media of an earlier seed out of the way at once (a rename) and removes them in the
 * background: removing 100,000 files takes longer than the seed itself, and a hash-only item of
 * the new data must never find an old file under its hash.
 */
async function setAside(dir: string, folders: readonly string[]) {
  const discarded = join(dir, `${DISCARDED}${randomBytes(6).toString('hex')}`);
  await mkdir(discarded, { recursive: true });
  for (const folder of folders)
    await rename(folder, join(discarded, basename(folder))).catch((error: unknown) => {
      if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
    });
  // With any a stopped process left behind.
  for (const name of await readdir(dir))
    if (name.startsWith(DISCARDED))
      void rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Fills the demo's media directory for its items, anew: an original and a blurred derivative per
 * SHA-256 of a blurred item, the synthetic abstract PNGs of `synthetic-images.ts` (never imagery of
 * anything real). A hash-only item gets nothing: no file is ever written for bytes only hash-only
 * items carry.
 *
 * Drawing two pictures costs milliseconds, so they are a pool of 256: the first 256 hashes are
 * each drawn from their own bytes, and the hash at position i after them gets hard links to the
 * files of hash i mod 256 (no bytes written). Up to 256 blurred files (the 300-item demo has
 * about 190) every item shows its own picture; at 100,000 items 256 are drawn and the rest are
 * links. When the directory already holds a finished draw of the same hashes (a demo reset to the
 * same seed), it is kept as it is: nothing is drawn.
 */
export async function seedDemoMedia(
  dir: string,
  items: readonly MediaOf[],
): Promise<{ hashes: number; drawn: number }> {
  const paths = mediaPaths(dir);
  const hashes = [
    ...new Set(items.filter((i) => i.preview.mode === 'blurred').map((i) => i.media.sha256)),
  ];
  const drawnPath = join(dir, DRAWN);
  const digest = digestOf(hashes);
  if ((await readDrawn(drawnPath)) === digest) return { hashes: hashes.length, drawn: 0 };
  await rm(drawnPath, { force: true });
  await setAside(dir, [paths.originals, paths.blurred]);
  await mkdir(paths.originals, { recursive: true });
  await mkdir(paths.blurred, { recursive: true });
  const drawn: string[] = [];
  const linked: [from: string, to: string][] = [];
  for (const [index, sha256] of hashes.entries()) {
    const pooled = drawn[index % POOL];
    if (pooled === undefined) {
      drawn.push(sha256);
      await writeFile(paths.original(sha256), revealedOriginalPng(sha256));
      await writeFile(paths.blurredOf(sha256), blurredPreviewPng(sha256));
    } else {
      linked.push([paths.original(pooled), paths.original(sha256)]);
      linked.push([paths.blurredOf(pooled), paths.blurredOf(sha256)]);
    }
  }
  for (let from = 0; from < linked.length; from += CONCURRENCY)
    await Promise.all(linked.slice(from, from + CONCURRENCY).map(([a, b]) => linkOrCopy(a, b)));
  await writeFile(drawnPath, digest);
  return { hashes: hashes.length, drawn: drawn.length };
}
