import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { afterEach, expect, test } from 'vitest';
import { mediaPaths } from '../media/media-store';
import { temporaryMediaDir } from '../testing/test-media';
import { seedDemoMedia, type MediaOf } from './seed-media';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const fresh = async () => {
  const dir = await temporaryMediaDir();
  dirs.push(dir);
  return dir;
};

/** A hash as varied as real ones: the pictures are drawn from all of its bytes. */
const hex = (n: number) => createHash('sha256').update(String(n)).digest('hex');
const item = (n: number, mode: 'blurred' | 'hash_only'): MediaOf => ({
  media: { sha256: hex(n) },
  preview: { mode },
});

test('each blurred hash gets an original and a derivative, a hash-only one nothing', async () => {
  const dir = await fresh();
  const seeded = await seedDemoMedia(dir, [
    item(1, 'blurred'),
    item(2, 'hash_only'),
    item(3, 'blurred'),
  ]);
  expect(seeded).toEqual({ hashes: 2, drawn: 2 });
  const paths = mediaPaths(dir);
  expect(existsSync(paths.original(hex(1)))).toBe(true);
  expect(existsSync(paths.blurredOf(hex(3)))).toBe(true);
  expect(existsSync(paths.original(hex(2)))).toBe(false);
  expect(existsSync(paths.blurredOf(hex(2)))).toBe(false);
  // Two hashes, two pictures.
  expect(await readFile(paths.original(hex(1)))).not.toEqual(
    await readFile(paths.original(hex(3))),
  );
});

test(
  'past 256 hashes the pictures repeat as links, and seeding again leaves none of the old files',
  { timeout: 120_000 },
  async () => {
    const dir = await fresh();
    const many = Array.from({ length: 300 }, (_, n) => item(n + 1, 'blurred'));
    expect(await seedDemoMedia(dir, many)).toEqual({ hashes: 300, drawn: 256 });
    const paths = mediaPaths(dir);
    expect(await readFile(paths.original(hex(257)))).toEqual(
      await readFile(paths.original(hex(1))),
    );
    await seedDemoMedia(dir, [item(1000, 'blurred')]);
    expect(existsSync(paths.original(hex(1)))).toBe(false);
    expect(existsSync(paths.original(hex(1000)))).toBe(true);
  },
);

test('seeding the same media again draws nothing and keeps every file; other media are drawn anew', async () => {
  const dir = await fresh();
  const items = [item(1, 'blurred'), item(2, 'hash_only'), item(3, 'blurred')];
  await seedDemoMedia(dir, items);
  const paths = mediaPaths(dir);
  const before = await readFile(paths.blurredOf(hex(3)));
  expect(await seedDemoMedia(dir, items)).toEqual({ hashes: 2, drawn: 0 });
  expect(await readFile(paths.blurredOf(hex(3)))).toEqual(before);
  expect(existsSync(paths.original(hex(2)))).toBe(false);
  // The same hashes, one now hash-only: drawn anew, and its files are gone.
  expect(await seedDemoMedia(dir, [item(1, 'blurred'), item(3, 'hash_only')])).toEqual({
    hashes: 1,
    drawn: 1,
  });
  expect(existsSync(paths.original(hex(3)))).toBe(false);
  expect(existsSync(paths.blurredOf(hex(3)))).toBe(false);
});
