import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { RevealEnd } from '../../api/schemas/decision';
import { Media } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import { Refusal } from '../refusal';

/** A reveal URL works once, for this long. */
export const REVEAL_URL_SECONDS = 30;

/** Only the token's SHA-256 is stored: a copy of the table reveals nothing. */
const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const actorOf = (user: User) => ({ id: user.id, name: user.name, role: user.role });

/** What a reveal needs of an item: whether it has media, what kind, and its bytes' hash. */
async function mediaOf(trx: Transaction<Database>, itemId: string) {
  const row = await trx
    .selectFrom('items')
    .select(['id', 'hash_only', 'media'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw new Refusal('not_found', 'not_found', `No item ${itemId}.`);
  return { id: row.id, hashOnly: row.hash_only, media: Media.parse(row.media) };
}

/**
 * Starts an audited reveal of a blurred item; its media URL is single-use and short-lived.
 * Issuing the URL shows nothing yet: only its serving (`media.served`) makes a report's
 * `fileViewedByEsp` true.
 */
export async function startReveal(
  trx: Transaction<Database>,
  itemId: string,
  user: User,
  now: Date,
) {
  const item = await mediaOf(trx, itemId);
  if (item.hashOnly)
    throw new Refusal('not_found', 'not_found', `${item.id} has no media to reveal.`);
  const id = `rev_${randomBytes(6).toString('hex')}`;
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + REVEAL_URL_SECONDS * 1000);
  await trx
    .insertInto('reveals')
    .values({
      id,
      token_hash: tokenHash(token),
      item_id: item.id,
      user_id: user.id,
      started_at: now,
      url_expires_at: expiresAt,
      served_at: null,
      ended_at: null,
    })
    .execute();
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'media.revealed',
      subject: { type: 'item', id: item.id },
      detail: { revealId: id, wholeFile: item.media.kind === 'image' },
    },
  ]);
  return { revealId: id, url: `/api/media/reveal/${token}`, expiresAt: expiresAt.toISOString() };
}

/**
 * Uses up a reveal's URL: the hash of the original it shows, its serving on the record
 * (`media.served`: the original reached the person). Refused alike when the token is unknown,
 * spent, expired or another person's. Spending it is one conditional update, so of two requests
 * with one token, on any instances, exactly one is served. `serve` reads the bytes before the
 * serving is recorded: a file the store lacks rolls the whole redemption back.
 */
export async function redeemReveal<T>(
  trx: Transaction<Database>,
  token: string,
  user: User,
  now: Date,
  serve: (sha256: string) => Promise<T>,
): Promise<T> {
  const spent = await trx
    .updateTable('reveals')
    .set({ served_at: now })
    .where('token_hash', '=', tokenHash(token))
    .where('served_at', 'is', null)
    .where('user_id', '=', user.id)
    .where('url_expires_at', '>=', now)
    .returning(['id', 'item_id'])
    .executeTakeFirst();
  if (!spent)
    throw new Refusal('not_found', 'not_found', 'This reveal link was used or has expired.');
  const item = await mediaOf(trx, spent.item_id);
  const served = await serve(item.media.sha256);
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'media.served',
      subject: { type: 'item', id: item.id },
      detail: { revealId: spent.id, wholeFile: item.media.kind === 'image' },
    },
  ]);
  return served;
}

/**
 * Records the end of a reveal with how long the media was visible, once: a repeated report
 * answers the duration on record. Of two ends raced on two instances, the conditional update lets
 * exactly one be recorded and audited.
 */
export async function endReveal(
  trx: Transaction<Database>,
  revealId: string,
  itemId: string,
  user: User,
  reason: RevealEnd['reason'],
  now: Date,
): Promise<{ revealId: string; durationMs: number }> {
  const reveal = await trx
    .selectFrom('reveals')
    .select(['started_at', 'ended_at'])
    .where('id', '=', revealId)
    .where('item_id', '=', itemId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  if (!reveal) throw new Refusal('not_found', 'not_found', `No reveal ${revealId} of yours.`);
  const durationOf = (end: Date) => Math.max(0, end.getTime() - reveal.started_at.getTime());
  if (reveal.ended_at !== null) return { revealId, durationMs: durationOf(reveal.ended_at) };
  const ended = await trx
    .updateTable('reveals')
    .set({ ended_at: now })
    .where('id', '=', revealId)
    .where('ended_at', 'is', null)
    .returning('ended_at')
    .executeTakeFirst();
  if (!ended) {
    const recorded = await trx
      .selectFrom('reveals')
      .select('ended_at')
      .where('id', '=', revealId)
      .executeTakeFirstOrThrow();
    return { revealId, durationMs: durationOf(recorded.ended_at ?? now) };
  }
  const durationMs = durationOf(now);
  await appendAuditEvents(trx, [
    {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'media.reblurred',
      subject: { type: 'item', id: itemId },
      detail: { revealId, durationMs, reason },
    },
  ]);
  return { revealId, durationMs };
}
