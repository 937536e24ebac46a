import type { User } from '../../api/schemas/user';
import type { NewAuditEvent } from './audit-log';
import type { Session, SessionEnding } from './sessions';

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
