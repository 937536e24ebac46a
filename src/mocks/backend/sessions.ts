import { randomBytes } from 'node:crypto';
import type { SessionEnded } from '../../api/schemas/session';
import type { User } from '../../api/schemas/user';
import {
  endedOf,
  hourMs,
  runOut,
  type Session,
  type SessionEndReason,
  type SessionEnding,
  type SessionLimits,
} from '../../server/sessions/session-rules';

export type { Session, SessionEnding, SessionLimits };

/** Server-side sessions: an unguessable token (the cookie's value) → the signed-in user. */
export interface Sessions {
  start(user: User): string;
  /**
   * The live session the token names, its idle clock refreshed: every authenticated request
   * counts as use. A session past its idle timeout or absolute lifetime is ended here (and any
   * other that ran out meanwhile) and is no session.
   */
  use(token: string | undefined): Session | null;
  /** The live session the token names, without counting as use. */
  peek(token: string | undefined): Session | null;
  /** Why the token's session ended, when its browser did not end it itself; else null. */
  endedFor(token: string | undefined): SessionEnded | null;
  end(token: string, reason: SessionEndReason): void;
  /** Ends every session of the user, in every browser; how many there were. */
  endAllOf(userId: string, reason: SessionEndReason): number;
  /**
   * Demo only: moves the session's start and last use back by `ms`, as if that much time had
   * passed for it alone, so one browser's session can be seen to expire on a shared server.
   */
  age(token: string, ms: number): boolean;
}

/**
 * Sessions on an injected clock. A session is valid strictly before `lastUsedAt + idle` and
 * `startedAt + max`: at exactly the boundary it has expired. One that ran out on both counts ended
 * for whichever came first. Why a session ended is kept for its token as long as the absolute
 * lifetime, so a browser still holding the cookie is told (`endedFor`), whichever request asks.
 */
export function createSessions({
  now,
  limits,
  onEnded,
}: {
  now: () => Date;
  limits: () => SessionLimits;
  onEnded: (ending: SessionEnding) => void;
}): Sessions {
  const live = new Map<string, Session>();
  const ended = new Map<string, { why: SessionEnded; at: number }>();

  const finish = (token: string, session: Session, reason: SessionEndReason) => {
    live.delete(token);
    const current = limits();
    const why = endedOf(reason, current);
    if (why) ended.set(token, { why, at: now().getTime() });
    onEnded({ session, reason, limits: current });
  };

  /** Ends every session that ran out, and forgets reasons older than a session could live. */
  const sweep = () => {
    const at = now().getTime();
    for (const [token, session] of live) {
      const reason = runOut(session, at, limits());
      if (reason) finish(token, session, reason);
    }
    const keep = limits().maxHours * hourMs;
    for (const [token, { at: endedAt }] of ended) if (at - endedAt >= keep) ended.delete(token);
  };

  const peek = (token: string | undefined) => {
    sweep();
    return token === undefined ? null : (live.get(token) ?? null);
  };

  return {
    start(user) {
      sweep();
      const token = randomBytes(32).toString('base64url');
      const at = now().getTime();
      const id = `ses_${randomBytes(9).toString('base64url')}`;
      live.set(token, { id, user, startedAt: at, lastUsedAt: at });
      return token;
    },
    use(token) {
      const session = peek(token);
      if (session) session.lastUsedAt = now().getTime();
      return session;
    },
    peek,
    endedFor: (token) => (token === undefined ? null : (ended.get(token)?.why ?? null)),
    end(token, reason) {
      const session = live.get(token);
      if (session) finish(token, session, reason);
    },
    endAllOf(userId, reason) {
      sweep();
      const mine = [...live].filter(([, session]) => session.user.id === userId);
      for (const [token, session] of mine) finish(token, session, reason);
      return mine.length;
    },
    age(token, ms) {
      const session = live.get(token);
      if (!session) return false;
      session.startedAt -= ms;
      session.lastUsedAt -= ms;
      return true;
    },
  };
}
