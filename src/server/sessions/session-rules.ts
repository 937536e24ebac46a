import type { SessionEnded } from '../../api/schemas/session';
import type { AuditEvent } from '../../api/schemas/audit';
import type { User } from '../../api/schemas/user';

/** How long a session lasts: `idleMinutes` without a request, `maxHours` at most however active. */
export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export interface Session {
  /** Not secret (unlike the token): names the session in the audit log. */
  id: string;
  user: User;
  /** Milliseconds since the epoch, on the server's clock. */
  startedAt: number;
  lastUsedAt: number;
}

export type SessionEndReason =
  'signed_out' | 'replaced' | 'signed_out_everywhere' | 'idle_timeout' | 'expired';

/** One session's end, as audited: exactly once per session. */
export interface SessionEnding {
  session: Session;
  reason: SessionEndReason;
  limits: SessionLimits;
}

type NewAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;

/**
 * The reason the session has run out at `at` (ms), or null while it is valid. A session is valid
 * strictly before `lastUsedAt + idle` and `startedAt + max`: at exactly the boundary it has
 * expired; one that ran out on both counts ended for whichever came first.
 */
export function runOut(
  session: Pick<Session, 'startedAt' | 'lastUsedAt'>,
  at: number,
  { idleMinutes, maxHours }: SessionLimits,
): 'idle_timeout' | 'expired' | null {
  const idleEnd = session.lastUsedAt + idleMinutes * minuteMs;
  const maxEnd = session.startedAt + maxHours * hourMs;
  if (at < idleEnd && at < maxEnd) return null;
  return idleEnd <= maxEnd ? 'idle_timeout' : 'expired';
}

/** What a browser still holding the ended session's cookie is told; null when it ended it itself. */
export function endedOf(reason: SessionEndReason, limits: SessionLimits): SessionEnded | null {
  if (reason === 'idle_timeout') return { reason, idleMinutes: limits.idleMinutes };
  if (reason === 'expired') return { reason, maxHours: limits.maxHours };
  if (reason === 'signed_out_everywhere') return { reason };
  return null;
}

const actorOf = (user: User) => ({ id: user.id, name: user.name, role: user.role });

export const sessionStarted = (session: Session, at: Date): NewAuditEvent => ({
  at: at.toISOString(),
  actor: actorOf(session.user),
  action: 'session.started',
  subject: { type: 'session', id: session.user.id },
  detail: { method: 'demo', sessionId: session.id },
});

/**
 * `session.ended`, with why: `signed_out`, `replaced` (signed in again in the same browser),
 * `signed_out_everywhere`, `idle_timeout` (with the minutes and the last use) or `expired` (the
 * absolute lifetime, with the start). `at` is when the server ended it.
 */
export function sessionEnded({ session, reason, limits }: SessionEnding, at: Date): NewAuditEvent {
  const iso = (ms: number) => new Date(ms).toISOString();
  const why =
    reason === 'idle_timeout'
      ? { idleMinutes: limits.idleMinutes, lastUsedAt: iso(session.lastUsedAt) }
      : reason === 'expired'
        ? { maxHours: limits.maxHours, startedAt: iso(session.startedAt) }
        : {};
  return {
    at: at.toISOString(),
    actor: actorOf(session.user),
    action: 'session.ended',
    subject: { type: 'session', id: session.user.id },
    detail: { reason, sessionId: session.id, ...why },
  };
}
