import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from '../../lib/zod';
import type { Database } from '../db/tables';

/**
 * The key of the draw that sends a share of first dismissals to a blind second review: made once
 * per database and kept there, so every instance, and every restart, draws alike; no one who can
 * only use the console can compute it. `VERITY_REVIEW_SECRET` fixes it (tests).
 */
export async function reviewSecret(db: Kysely<Database>, fixed: string | undefined) {
  if (fixed !== undefined && fixed !== '') return fixed;
  await db
    .insertInto('settings')
    .values({
      key: 'review.secret',
      value: JSON.stringify(randomBytes(32).toString('hex')),
      version: 1,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'review.secret')
    .executeTakeFirstOrThrow();
  return z.string().check(z.minLength(32)).parse(row.value);
}
