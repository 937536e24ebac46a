import { expect, test } from 'vitest';
import { demoUsers } from '../../server/directory/directory';
import { createSessions, type SessionEnding } from './sessions';

const minute = 60_000;
const hour = 60 * minute;
const [ana, ben] = demoUsers;
if (!ana || !ben) throw new Error('demo users missing');

/** Sessions on a clock the test moves, 30 minutes idle and 12 hours at most. */
function setup() {
  let at = Date.parse('2026-03-02T08:00:00Z');
  const endings: SessionEnding[] = [];
  const sessions = createSessions({
    now: () => new Date(at),
    limits: () => ({ idleMinutes: 30, maxHours: 12 }),
    onEnded: (ending) => endings.push(ending),
  });
  return {
    sessions,
    endings,
    advance: (ms: number) => {
      at += ms;
    },
  };
}

test('a session expires after exactly the idle timeout without use, not a millisecond before', () => {
  const { sessions, endings, advance } = setup();
  const token = sessions.start(ana);
  advance(30 * minute - 1);
  expect(sessions.peek(token)?.user.id).toBe('usr_ana');
  advance(1);
  expect(sessions.use(token)).toBeNull();
  expect(sessions.endedFor(token)).toEqual({ reason: 'idle_timeout', idleMinutes: 30 });
  expect(endings.map((e) => e.reason)).toEqual(['idle_timeout']);
});

test('every use refreshes the idle clock', () => {
  const { sessions, advance } = setup();
  const token = sessions.start(ana);
  for (let i = 0; i < 10; i++) {
    advance(29 * minute);
    expect(sessions.use(token)?.user.id).toBe('usr_ana');
  }
  // peek is no use: the last use above still counts from where it was.
  advance(29 * minute);
  expect(sessions.peek(token)).not.toBeNull();
  advance(minute);
  expect(sessions.use(token)).toBeNull();
});

test('the absolute lifetime ends a session however active it is', () => {
  const { sessions, endings, advance } = setup();
  const token = sessions.start(ana);
  for (let elapsed = 0; elapsed < 12 * hour - 10 * minute; elapsed += 10 * minute) {
    advance(10 * minute);
    expect(sessions.use(token)).not.toBeNull();
  }
  advance(10 * minute); // exactly 12 hours after sign-in, 10 minutes after the last use
  expect(sessions.use(token)).toBeNull();
  expect(sessions.endedFor(token)).toEqual({ reason: 'expired', maxHours: 12 });
  expect(endings.map((e) => e.reason)).toEqual(['expired']);
});

test('a session that ran out on both counts ended for whichever came first', () => {
  const { sessions, advance } = setup();
  const token = sessions.start(ana);
  for (let elapsed = 0; elapsed < 11 * hour + 50 * minute; elapsed += 10 * minute) {
    advance(10 * minute);
    expect(sessions.use(token)).not.toBeNull();
  }
  advance(2 * hour); // idle at 19:50 + 30 min = 20:20; the absolute lifetime ended at 20:00
  expect(sessions.use(token)).toBeNull();
  expect(sessions.endedFor(token)?.reason).toBe('expired');
});

test('an ended session is reported once, whichever request or sweep finds it', () => {
  const { sessions, endings, advance } = setup();
  const idle = sessions.start(ana);
  const active = sessions.start(ben);
  advance(31 * minute);
  // Ben's request sweeps Ana's session out too; Ben's own ran out as well.
  expect(sessions.use(active)).toBeNull();
  expect(endings.map((e) => [e.session.user.id, e.reason]).sort()).toEqual([
    ['usr_ana', 'idle_timeout'],
    ['usr_ben', 'idle_timeout'],
  ]);
  expect(sessions.use(idle)).toBeNull();
  sessions.end(idle, 'signed_out');
  expect(sessions.endAllOf('usr_ana', 'signed_out_everywhere')).toBe(0);
  expect(endings).toHaveLength(2);
});

test('ending everywhere ends every session of that user and no one else’s', () => {
  const { sessions, endings } = setup();
  const anaHere = sessions.start(ana);
  const anaThere = sessions.start(ana);
  const benHere = sessions.start(ben);
  expect(sessions.endAllOf('usr_ana', 'signed_out_everywhere')).toBe(2);
  expect(sessions.use(anaHere)).toBeNull();
  expect(sessions.use(anaThere)).toBeNull();
  expect(sessions.endedFor(anaThere)).toEqual({ reason: 'signed_out_everywhere' });
  expect(sessions.use(benHere)?.user.id).toBe('usr_ben');
  expect(endings.map((e) => e.session.id)).toHaveLength(2);
  expect(new Set(endings.map((e) => e.session.id)).size).toBe(2);
});

test('a browser that ended its own session is told nothing more; reasons are forgotten in time', () => {
  const { sessions, advance } = setup();
  const signedOut = sessions.start(ana);
  sessions.end(signedOut, 'signed_out');
  expect(sessions.endedFor(signedOut)).toBeNull();
  const idle = sessions.start(ben);
  advance(30 * minute);
  expect(sessions.use(idle)).toBeNull();
  advance(12 * hour - 1);
  sessions.use(undefined);
  expect(sessions.endedFor(idle)?.reason).toBe('idle_timeout');
  advance(1);
  sessions.use(undefined);
  expect(sessions.endedFor(idle)).toBeNull();
});

test('aging a session (the demo’s way to expire one) moves only that session', () => {
  const { sessions } = setup();
  const aged = sessions.start(ana);
  const other = sessions.start(ana);
  expect(sessions.age(aged, 30 * minute)).toBe(true);
  expect(sessions.use(aged)).toBeNull();
  expect(sessions.use(other)).not.toBeNull();
  expect(sessions.age('no-such-token', minute)).toBe(false);
});
