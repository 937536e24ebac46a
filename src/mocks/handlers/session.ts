import { endpoints } from '../../api/endpoints';
import type { Backend } from '../backend/backend';
import { sessionStarted } from '../../server/sessions/session-rules';
import { HttpError } from '../../server/http/responses';
import { route } from './route';
import { sessionCookie } from '../../server/http/session-cookie';

/** Sign-in, sign-out and sign-out everywhere. Every session's end is audited where it ends. */
export const sessionHandlers = (backend: Backend) => {
  const signedOut = (request: Request) => ({
    body: { user: null, demoUsers: [...backend.state.demoUsers] },
    headers: { 'Set-Cookie': sessionCookie(request, '', 0) },
  });
  return [
    route(backend, endpoints.getSession, ({ user, sessionToken }) => {
      const ended = user ? null : backend.state.sessions.endedFor(sessionToken);
      return {
        body: { user, demoUsers: [...backend.state.demoUsers], ...(ended ? { ended } : {}) },
      };
    }),

    route(backend, endpoints.signIn, ({ request, body, sessionToken }) => {
      const { state } = backend;
      const user = state.demoUsers.find((u) => u.id === body.userId);
      if (!user)
        throw new HttpError(404, 'unknown_user', `No demo user ${body.userId}.`, 'body.userId');
      if (sessionToken !== undefined) state.sessions.end(sessionToken, 'replaced');
      const token = state.sessions.start(user);
      const session = state.sessions.peek(token);
      if (session) state.audit.append(sessionStarted(session, backend.now()));
      return {
        body: { user, demoUsers: [...state.demoUsers] },
        headers: { 'Set-Cookie': sessionCookie(request, token) },
      };
    }),

    route(backend, endpoints.signOut, ({ request, sessionToken }) => {
      if (sessionToken !== undefined) backend.state.sessions.end(sessionToken, 'signed_out');
      return signedOut(request);
    }),

    route(backend, endpoints.signOutEverywhere, ({ request, user }) => {
      backend.state.sessions.endAllOf(user.id, 'signed_out_everywhere');
      return signedOut(request);
    }),
  ];
};
