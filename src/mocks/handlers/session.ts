import { SESSION_COOKIE, endpoints } from '../../api/endpoints';
import type { User } from '../../api/schemas/user';
import type { NewAuditEvent } from '../backend/audit-log';
import type { Backend } from '../backend/backend';
import { HttpError } from './responses';
import { route } from './route';

const actorOf = (user: User) => ({ id: user.id, name: user.name, role: user.role });

function sessionCookie(request: Request, value: string, maxAgeSeconds?: number) {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  const maxAge = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${maxAge}${secure}`;
}

const sessionEnded = (now: Date, user: User, reason: 'signed_out' | 'replaced'): NewAuditEvent => ({
  at: now.toISOString(),
  actor: actorOf(user),
  action: 'session.ended',
  subject: { type: 'session', id: user.id },
  detail: { reason },
});

export const sessionHandlers = (backend: Backend) => [
  route(backend, endpoints.getSession, ({ user }) => ({
    body: { user, demoUsers: [...backend.state.demoUsers] },
  })),

  route(backend, endpoints.signIn, ({ request, body, sessionToken }) => {
    const { state } = backend;
    const user = state.demoUsers.find((u) => u.id === body.userId);
    if (!user)
      throw new HttpError(404, 'unknown_user', `No demo user ${body.userId}.`, 'body.userId');
    const previous = state.sessions.lookup(sessionToken);
    if (previous && sessionToken !== undefined) {
      state.sessions.end(sessionToken);
      state.audit.append(sessionEnded(backend.now(), previous, 'replaced'));
    }
    const token = state.sessions.start(user);
    state.audit.append({
      at: backend.now().toISOString(),
      actor: actorOf(user),
      action: 'session.started',
      subject: { type: 'session', id: user.id },
      detail: { method: 'demo' },
    });
    return {
      body: { user, demoUsers: [...state.demoUsers] },
      headers: { 'Set-Cookie': sessionCookie(request, token) },
    };
  }),

  route(backend, endpoints.signOut, ({ request, user, sessionToken }) => {
    const { state } = backend;
    if (sessionToken !== undefined) state.sessions.end(sessionToken);
    state.audit.append(sessionEnded(backend.now(), user, 'signed_out'));
    return {
      body: { user: null, demoUsers: [...state.demoUsers] },
      headers: { 'Set-Cookie': sessionCookie(request, '', 0) },
    };
  }),
];
