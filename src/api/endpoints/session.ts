import { SessionState, SignInRequest } from '../schemas/session';
import { anyRole, type Endpoint } from './endpoint';

/**
 * Who is signed in: sign-in, sign-out, sign-out everywhere. Query options and what a change of
 * user drops: `session.queries.ts`.
 */
export const sessionEndpoints = {
  getSession: {
    operationId: 'getSession',
    method: 'get',
    path: '/api/session',
    summary: 'Who is signed in',
    description:
      'Answers 200 with `user: null` when there is no session, so a page can ask freely; `ended` says why when the cookie names a session that expired or was signed out everywhere. A signed-in call counts as use of the session, as every call does.',
    tag: 'session',
    access: 'public',
    response: SessionState,
    errors: [],
  },
  signIn: {
    operationId: 'signIn',
    method: 'post',
    path: '/api/session',
    summary: 'Sign in as a demo user',
    description:
      'Demo deployments only: starts a session for one of `demoUsers` and sets the `verity_session` cookie (HttpOnly, SameSite=Strict; Secure when the request came over HTTPS, directly or as a proxy says in `X-Forwarded-Proto` or `Forwarded`). The session ends after its idle timeout without a call, and at the end of its absolute lifetime however active; the next call then answers 401 `session_expired`.',
    tag: 'session',
    access: 'public',
    body: SignInRequest,
    response: SessionState,
    errors: [400, 403, 404],
  },
  signOut: {
    operationId: 'signOut',
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out',
    description: 'Ends the session and clears its cookie.',
    tag: 'session',
    access: anyRole,
    response: SessionState,
    errors: [401, 403],
  },
  signOutEverywhere: {
    operationId: 'signOutEverywhere',
    method: 'delete',
    path: '/api/sessions',
    summary: 'Sign out everywhere',
    description:
      'Ends every session of the caller, in every browser, and clears this browser’s cookie. Each ended session is audited (`session.ended`, reason `signed_out_everywhere`); the other browsers’ next requests answer 401 `session_ended`.',
    tag: 'session',
    access: anyRole,
    response: SessionState,
    errors: [401, 403],
  },
} as const satisfies Record<string, Endpoint>;
