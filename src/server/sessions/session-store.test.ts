import { expect, test } from 'vitest';
import type { User } from '../../api/schemas/user';
import { auditRange } from '../audit/audit-chain';
import { describeOnEachEngine } from '../db/each-engine';
import {
  endAllSessionsOf,
  endedFor,
  endSession,
  findSession,
  startSession,
  sweepSessions,
} from './session-store';
import { liveSessionNow } from './request-session';

const limits = { idleMinutes: 30, maxHours: 12 };
const minute = 60_000;
const t0 = new Date('2026-02-28T19:50:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * minute);
const ana: User = { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst', email: 'ana@verity.test' };
const ben: User = { id: 'usr_ben', name: 'Ben Okafor', role: 'analyst', email: 'ben@verity.test' };

describeOnEachEngine('sessions in the database', (database, skip) => {
  test.skipIf(skip)(
    'the token is not stored; a session ends after exactly the idle timeout without use',
    async () => {
      const { db } = database();
      await db.insertInto('users').values([ana, ben]).execute();
      const { token, session } = await db
        .transaction()
        .execute((trx) => startSession(trx, ana, t0));
      const stored = await db.selectFrom('sessions').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(token);
      const find = (when: Date, use: boolean) =>
        db.transaction().execute((trx) => findSession(trx, token, when, limits, { use }));
      // Looking at it is not use; a request is.
      expect(await find(at(20), false)).toMatchObject({ id: session.id, user: { id: 'usr_ana' } });
      expect(await find(at(29), true)).toMatchObject({ lastUsedAt: at(29).getTime() });
      expect(await find(at(58.999), false)).not.toBeNull();
      expect(await find(at(59), true)).toBeNull();
      expect(await db.transaction().execute((trx) => endedFor(trx, token))).toEqual({
        reason: 'idle_timeout',
        idleMinutes: 30,
      });
      // Ended once, on the record, however often the browser asks again.
      expect(await find(at(60), true)).toBeNull();
      const events = await auditRange(db, 1, 100);
      expect(events.map((e) => [e.action, e.detail.reason ?? null])).toEqual([
        ['session.started', null],
        ['session.ended', 'idle_timeout'],
      ]);
      expect(events[1]?.detail).toMatchObject({
        sessionId: session.id,
        lastUsedAt: at(29).toISOString(),
      });
    },
  );

  test.skipIf(skip)(
    'a live session is found and used in one statement, up to exactly where it runs out, and ended by nothing but findSession',
    async () => {
      const { db } = database();
      await db
        .insertInto('users')
        .values([ana])
        .onConflict((oc) => oc.doNothing())
        .execute();
      const { token, session } = await db
        .transaction()
        .execute((trx) => startSession(trx, ana, t0));
      const live = (when: Date, use: boolean) =>
        liveSessionNow(db, { token, now: when, limits, use });
      expect(await live(at(10), false)).toMatchObject({ id: session.id, lastUsedAt: t0.getTime() });
      expect(await live(at(20), true)).toMatchObject({
        user: ana,
        lastUsedAt: at(20).getTime(),
      });
      // An earlier clock never moves its use back.
      expect(await live(at(15), true)).toMatchObject({ lastUsedAt: at(20).getTime() });
      expect(await live(at(49.999), false)).not.toBeNull();
      expect(await live(at(50), false)).toBeNull();
      expect(await live(at(50), true)).toBeNull();
      expect(
        await liveSessionNow(db, { token: 'not-a-token', now: at(21), limits, use: true }),
      ).toBeNull();
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', session.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ ended_at: null, last_used_at: at(20) });
      // Past its absolute lifetime, however recently used.
      const late = new Date(t0.getTime() + limits.maxHours * 60 * minute);
      await db
        .updateTable('sessions')
        .set({ last_used_at: late })
        .where('id', '=', session.id)
        .execute();
      expect(await live(late, true)).toBeNull();
      await db.transaction().execute((trx) => endSession(trx, token, 'signed_out', late, limits));
    },
  );

  test.skipIf(skip)(
    'the absolute lifetime ends a session however active; the sweep ends and forgets',
    async () => {
      const { db } = database();
      const busy = await db.transaction().execute((trx) => startSession(trx, ben, t0));
      for (let m = 25; m < 12 * 60; m += 25)
        expect(
          await db
            .transaction()
            .execute((trx) => findSession(trx, busy.token, at(m), limits, { use: true })),
        ).not.toBeNull();
      const ended = await db
        .transaction()
        .execute((trx) => sweepSessions(trx, at(12 * 60), limits));
      expect(ended).toBe(1);
      expect(await db.transaction().execute((trx) => endedFor(trx, busy.token))).toEqual({
        reason: 'expired',
        maxHours: 12,
      });
      // After another lifetime no browser can hold its cookie: the row is gone.
      await db.transaction().execute((trx) => sweepSessions(trx, at(24 * 60), limits));
      expect(await db.transaction().execute((trx) => endedFor(trx, busy.token))).toBeNull();
    },
  );

  test.skipIf(skip)(
    'signing out everywhere ends every session of one user, once each, and tells their browsers',
    async () => {
      const { db } = database();
      const start = (user: User) =>
        db.transaction().execute((trx) => startSession(trx, user, at(0)));
      const [first, second, other] = [await start(ana), await start(ana), await start(ben)];
      const ending = () =>
        db
          .transaction()
          .execute((trx) =>
            endAllSessionsOf(trx, 'usr_ana', 'signed_out_everywhere', at(1), limits),
          );
      const [a, b] = await Promise.all([ending(), ending()]);
      expect(a + b).toBe(2);
      for (const { token } of [first, second])
        expect(await db.transaction().execute((trx) => endedFor(trx, token))).toEqual({
          reason: 'signed_out_everywhere',
        });
      expect(
        await db
          .transaction()
          .execute((trx) => findSession(trx, other.token, at(2), limits, { use: true })),
      ).not.toBeNull();
      // Signing out in one's own browser tells it nothing more: it dropped its cookie.
      await db
        .transaction()
        .execute((trx) => endSession(trx, other.token, 'signed_out', at(3), limits));
      expect(await db.transaction().execute((trx) => endedFor(trx, other.token))).toBeNull();
    },
  );
});
