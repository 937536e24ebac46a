import { sql, type Kysely } from 'kysely';
import type { SessionEnded } from '../../api/schemas/session';
import type { Database } from '../db/tables';
import { hourMs, minuteMs, type Session, type SessionLimits } from './session-rules';
import {
  endedFor,
  findSession,
  liveSessions,
  sessionColumns,
  sessionOf,
  sessionTokenHash,
} from './session-store';

/** A request's session: the common case in one statement, the rest through the session store. */

/** What a request asks of its session: found by its token at `now`, and counted as used or not. */
export interface SessionRequest {
  token: string | undefined;
  now: Date;
  limits: SessionLimits;
  use: boolean;
}

/**
 * The common case of `findSession` in one statement and no transaction: the live session the
 * token names, while it has not run out, counted as used with `use`. Null when there is no such
 * session or it ran out — then `findSession`, in a transaction, ends it and says why.
 */
export async function liveSessionNow(
  db: Kysely<Database>,
  { token, now, limits, use }: SessionRequest,
): Promise<Session | null> {
  if (token === undefined) return null;
  const idleSince = new Date(now.getTime() - limits.idleMinutes * minuteMs);
  const startedAfter = new Date(now.getTime() - limits.maxHours * hourMs);
  const row = use
    ? await db
        .updateTable('sessions')
        .from('users')
        .set({ last_used_at: sql<Date>`greatest(sessions.last_used_at, ${now})` })
        .whereRef('users.id', '=', 'sessions.user_id')
        .where('sessions.token_hash', '=', sessionTokenHash(token))
        .where('sessions.ended_at', 'is', null)
        .where('sessions.last_used_at', '>', idleSince)
        .where('sessions.started_at', '>', startedAfter)
        .returning(sessionColumns)
        .executeTakeFirst()
    : await liveSessions(db)
        .where('sessions.token_hash', '=', sessionTokenHash(token))
        .where('sessions.last_used_at', '>', idleSince)
        .where('sessions.started_at', '>', startedAfter)
        .executeTakeFirst();
  return row ? sessionOf(row) : null;
}

/**
 * A request's session: the live one (`liveSessionNow`), else, in a transaction of its own so that
 * an ending is kept whatever the request does next, the one that just ran out ended, and why the
 * token's session ended, when it did.
 */
export async function sessionForRequest(
  db: Kysely<Database>,
  request: SessionRequest,
): Promise<{ session: Session | null; ended: SessionEnded | null }> {
  const live = await liveSessionNow(db, request);
  if (live) return { session: live, ended: null };
  const { token, now, limits, use } = request;
  return db.transaction().execute(async (trx) => {
    const found = await findSession(trx, token, now, limits, { use });
    return { session: found, ended: found ? null : await endedFor(trx, token) };
  });
}
