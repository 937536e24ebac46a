import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../api/headers';
import { ErrorBody } from '../api/schemas/common';
import { SessionState } from '../api/schemas/session';
import type { User } from '../api/schemas/user';
import { createServerApp } from './app';
import { auditRange } from './audit/audit-chain';
import { describeOnEachEngine } from './db/each-engine';
import { createGroupCommit } from './db/group-commit';
import { ensureUsers } from './directory/users';
import { securityHeaders } from './http/security-headers';
import { emptyMediaStore } from './media/media-store';

const ana: User = { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst', email: 'ana@verity.test' };
const sasha: User = {
  id: 'usr_sasha',
  name: 'Sasha Reyes',
  role: 'supervisor',
  email: 'sasha@verity.test',
};
const minute = 60_000;

describeOnEachEngine('the server’s session endpoints', (database, skip) => {
  let clock = new Date('2026-02-28T23:50:00.000Z');
  const server = () => {
    const app = createServerApp({
      database: database(),
      transactions: createGroupCommit(database().db),
      media: emptyMediaStore,
      mediaDir: null,
      now: () => clock,
      sessionLimits: { idleMinutes: 30, maxHours: 12 },
      review: { leaseSeconds: 300, maxHeld: 5, reviewSecret: 'test' },
      demoUsers: [ana, sasha],
      ncmec: { kind: 'unavailable', message: 'not used here' },
    });
    return (path: string, init: RequestInit = {}) =>
      app.fetch(new Request(`http://127.0.0.1:4000${path}`, init));
  };
  const signIn = async (call: ReturnType<typeof server>, userId: string, cookie = '') => {
    const response = await call('/api/session', {
      method: 'POST',
      headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json', cookie },
      body: JSON.stringify({ userId }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^verity_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    return setCookie.split(';')[0] ?? '';
  };
  const sessionOf = async (call: ReturnType<typeof server>, cookie: string) =>
    SessionState.parse(await (await call('/api/session', { headers: { cookie } })).json());

  test.skipIf(skip)(
    'sign in, be known by the cookie, idle out: the end said and audited once',
    async () => {
      await database()
        .db.transaction()
        .execute((trx) => ensureUsers(trx, [ana, sasha], { demo: true }));
      const call = server();
      expect(await sessionOf(call, '')).toEqual({ user: null, demoUsers: [ana, sasha] });
      const cookie = await signIn(call, 'usr_ana');
      expect((await sessionOf(call, cookie)).user).toEqual(ana);
      clock = new Date(clock.getTime() + 30 * minute);
      expect(await sessionOf(call, cookie)).toEqual({
        user: null,
        demoUsers: [ana, sasha],
        ended: { reason: 'idle_timeout', idleMinutes: 30 },
      });
      const signOutEverywhere = await call('/api/sessions', {
        method: 'DELETE',
        headers: { [CSRF_HEADER]: CSRF_VALUE, cookie },
      });
      expect(signOutEverywhere.status).toBe(401);
      expect(ErrorBody.parse(await signOutEverywhere.json()).error.code).toBe('session_expired');
      const events = await auditRange(database().db, 1, 100);
      expect(events.map((e) => `${e.action}:${String(e.detail.reason ?? '')}`)).toEqual([
        'session.started:',
        'session.ended:idle_timeout',
      ]);
    },
  );

  test.skipIf(skip)(
    'signing out everywhere ends my other browser’s session, and no one else’s',
    async () => {
      const call = server();
      const [mine, myOther, hers] = [
        await signIn(call, 'usr_ana'),
        await signIn(call, 'usr_ana'),
        await signIn(call, 'usr_sasha'),
      ];
      const response = await call('/api/sessions', {
        method: 'DELETE',
        headers: { [CSRF_HEADER]: CSRF_VALUE, 'X-Verity-User': 'usr_ana', cookie: mine },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await sessionOf(call, myOther)).ended).toEqual({ reason: 'signed_out_everywhere' });
      expect((await sessionOf(call, hers)).user).toEqual(sasha);
    },
  );

  test.skipIf(skip)(
    'bad requests are the contract’s errors, every answer has the security headers',
    async () => {
      const call = server();
      const cases: [Response, number, string][] = [
        [await call('/api/session', { method: 'POST', body: '{"userId":"usr_ana"}' }), 403, 'csrf'],
        [
          await call('/api/session', {
            method: 'POST',
            headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
            body: '{"userId":"usr_nobody"}',
          }),
          404,
          'unknown_user',
        ],
        [
          await call('/api/session', {
            method: 'POST',
            headers: { [CSRF_HEADER]: CSRF_VALUE, 'Content-Type': 'application/json' },
            body: '{"userId":"usr_ana\\u0000"}',
          }),
          400,
          'invalid_request',
        ],
        [await call('/api/session?%C0=1'), 400, 'invalid_request'],
        [await call('/api/nowhere/%C0%AE'), 404, 'not_found'],
      ];
      for (const [response, status, code] of cases) {
        expect(response.status).toBe(status);
        expect(ErrorBody.parse(await response.json()).error.code).toBe(code);
        for (const [name, value] of Object.entries(securityHeaders))
          expect(response.headers.get(name)).toBe(value);
      }
    },
  );
});
