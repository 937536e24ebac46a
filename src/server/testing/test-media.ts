import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';
import { seedDemoMedia, type MediaOf } from '../demo/seed-media';
import { cachedPath } from './test-cache';

/** A fresh temporary directory, never `.verity/`: its caller removes it. */
export const temporaryMediaDir = () => mkdtemp(join(tmpdir(), 'verity-test-media-'));

/** The demo's media for the data of `key`, drawn once per test run: the directory holding them. */
export function mediaTemplate(key: string, items: () => readonly MediaOf[]): Promise<string> {
  return cachedPath(`media ${key}`, async (path) => {
    await seedDemoMedia(path, items());
  });
}

/** The template's files in a fresh temporary directory of their own. */
export async function copyMedia(template: string): Promise<string> {
  const to = await temporaryMediaDir();
  await cp(template, to, { recursive: true });
  return to;
}

/** Puts the template's files back in `dir`, in place of whatever it holds now. */
export async function restoreMedia(template: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await cp(template, dir, { recursive: true });
}

/** The first item, by id, that has media (a blurred preview and an original to reveal). */
export async function blurredItemId(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('items')
    .select('id')
    .where('hash_only', '=', false)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
