import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { SessionEnded } from '../../api/schemas/session';
import { User } from '../../api/schemas/user';
import { appendAuditEvents } from '../audit/audit-chain';
import type { Database } from '../db/tables';
import {
  endedOf,
  hourMs,
  minuteMs,
  runOut,
  sessionEnded,
  sessionStarted,
  type Session,
  type SessionEndReason,
  type SessionLimits,
} from './session-rules';

/**
 * Sessions in the database. The cookie carries a random token; only its SHA-256 is stored, so a
 * copy of the table signs no one in. Every end is audited once: ending updates only a live row,
 * so of two instances ending the same session, one does.
 */

type Trx = Transaction<Database>;

/** What the sessions table keys a session by: its token's SHA-256. */
export const sessionTokenHash = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('base64url');

/** Starts a session for the user; the token is the cookie's value and is not kept. */
export async function startSession(trx: Trx, user: User, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    id: `ses_${randomBytes(9).toString('base64url')}`,
    user,
    startedAt: now.getTime(),
    lastUsedAt: now.getTime(),
  };
  await trx
    .insertInto('sessions')
    .values({
      token_hash: sessionTokenHash(token),
      id: session.id,
      user_id: user.id,
      started_at: now,
      last_used_at: now,
    })
    .execute();
  await appendAuditEvents(trx, [sessionStarted(session, now)]);
  return { token, session };
}

/** What a session is read with: its row and its user's. */
export const sessionColumns = [
  'sessions.token_hash',
  'sessions.id',
  'sessions.started_at',
  'sessions.last_used_at',
  'users.id as user_id',
  'users.name',
  'users.role',
  'users.email',
] as const;

export const liveSessions = (db: Trx | Kysely<Database>) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(sessionColumns)
    .where('sessions.ended_at', 'is', null);

type LiveRow = Awaited<ReturnType<ReturnType<typeof liveSessions>['execute']>>[number];

export const sessionOf = (row: LiveRow): Session => ({
  id: row.id,
  user: User.parse({ id: row.user_id, name: row.name, role: row.role, email: row.email }),
  startedAt: row.started_at.getTime(),
  lastUsedAt: row.last_used_at.getTime(),
});

/** Ends the live sessions in `rows` for `reason`, each audited once; how many this call ended. */
async function finish(
  trx: Trx,
  rows: readonly LiveRow[],
  reason: SessionEndReason,
  now: Date,
  limits: SessionLimits,
): Promise<number> {
  const ended = endedOf(reason, limits);
  let count = 0;
  for (const row of rows) {
    const updated = await trx
      .updateTable('sessions')
      .set({
        ended_at: now,
        end_reason: reason,
        ended: ended === null ? null : JSON.stringify(ended),
      })
      .where('token_hash', '=', row.token_hash)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) continue;
    await appendAuditEvents(trx, [sessionEnded({ session: sessionOf(row), reason, limits }, now)]);
    count++;
  }
  return count;
}

/**
 * The live session the token names, or null. `use` counts the request as use of it (its idle clock
 * starts again); without it the session is only looked at. One that ran out is ended here.
 */
export async function findSession(
  trx: Trx,
  token: string | undefined,
  now: Date,
  limits: SessionLimits,
  { use }: { use: boolean },
): Promise<Session | null> {
  if (token === undefined) return null;
  const row = await liveSessions(trx)
    .where('sessions.token_hash', '=', sessionTokenHash(token))
    .executeTakeFirst();
  if (!row) return null;
  const reason = runOut(sessionOf(row), now.getTime(), limits);
  if (reason) {
    await finish(trx, [row], reason, now, limits);
    return null;
  }
  if (use)
    await trx
      .updateTable('sessions')
      .set({ last_used_at: now })
      .where('token_hash', '=', row.token_hash)
      .where('last_used_at', '<', now)
      .execute();
  return { ...sessionOf(row), lastUsedAt: use ? now.getTime() : row.last_used_at.getTime() };
}

/** Why the token's session ended, when its browser did not end it itself; else null. */
export async function endedFor(trx: Trx, token: string | undefined): Promise<SessionEnded | null> {
  if (token === undefined) return null;
  const row = await trx
    .selectFrom('sessions')
    .select('ended')
    .where('token_hash', '=', sessionTokenHash(token))
    .executeTakeFirst();
  return row?.ended ? SessionEnded.parse(row.ended) : null;
}

/** Ends the token's session (signing out, or signing in again over it). */
export async function endSession(
  trx: Trx,
  token: string,
  reason: SessionEndReason,
  now: Date,
  limits: SessionLimits,
) {
  const rows = await liveSessions(trx)
    .where('sessions.token_hash', '=', sessionTokenHash(token))
    .execute();
  await finish(trx, rows, reason, now, limits);
}

/** Ends every live session of the user, in every browser; how many there were. */
export async function endAllSessionsOf(
  trx: Trx,
  userId: string,
  reason: SessionEndReason,
  now: Date,
  limits: SessionLimits,
): Promise<number> {
  const rows = await liveSessions(trx).where('sessions.user_id', '=', userId).execute();
  return finish(trx, rows, reason, now, limits);
}

/**
 * Ends every session that ran out, each audited with its reason, and forgets ended sessions older
 * than a session could live (no browser can still hold their cookie).
 */
export async function sweepSessions(trx: Trx, now: Date, limits: SessionLimits) {
  const idleSince = new Date(now.getTime() - limits.idleMinutes * minuteMs);
  const startedBefore = new Date(now.getTime() - limits.maxHours * hourMs);
  const rows = await liveSessions(trx)
    .where((eb) =>
      eb.or([
        eb('sessions.last_used_at', '<=', idleSince),
        eb('sessions.started_at', '<=', startedBefore),
      ]),
    )
    .execute();
  let ended = 0;
  for (const row of rows) {
    const reason = runOut(sessionOf(row), now.getTime(), limits);
    if (reason) ended += await finish(trx, [row], reason, now, limits);
  }
  await trx.deleteFrom('sessions').where('ended_at', '<=', startedBefore).execute();
  return ended;
}
