import type { Hono } from 'hono';
import { endpoints } from '../../api/endpoints';
import { mountEndpoint } from '../http/mount-endpoint';
import { HttpError } from '../http/responses';
import { sessionCookie } from '../http/session-cookie';
import type { ServerContext } from '../server-context';
import { endAllSessionsOf, endSession, endedFor, startSession } from './session-store';

/** Sign-in (demo users only), sign-out and sign-out everywhere; each end audited where it ends. */
export function mountSessionRoutes(app: Hono, server: ServerContext) {
  const demoUsers = [...server.demoUsers];
  const signedOut = (request: Request) => ({
    body: { user: null, demoUsers },
    headers: { 'Set-Cookie': sessionCookie(request, '', 0) },
  });

  mountEndpoint(app, server, endpoints.getSession, async ({ trx, user, sessionToken }) => {
    const ended = user ? null : await endedFor(trx, sessionToken);
    return { body: { user, demoUsers, ...(ended ? { ended } : {}) } };
  });

  mountEndpoint(app, server, endpoints.signIn, async ({ trx, request, body, sessionToken }) => {
    const user = demoUsers.find((u) => u.id === body.userId);
    if (!user)
      throw new HttpError(404, 'unknown_user', `No demo user ${body.userId}.`, 'body.userId');
    const now = server.now();
    if (sessionToken !== undefined)
      await endSession(trx, sessionToken, 'replaced', now, server.sessionLimits);
    const { token } = await startSession(trx, user, now);
    return {
      body: { user, demoUsers },
      headers: { 'Set-Cookie': sessionCookie(request, token) },
    };
  });

  mountEndpoint(app, server, endpoints.signOut, async ({ trx, request, sessionToken }) => {
    if (sessionToken !== undefined)
      await endSession(trx, sessionToken, 'signed_out', server.now(), server.sessionLimits);
    return signedOut(request);
  });

  mountEndpoint(app, server, endpoints.signOutEverywhere, async ({ trx, request, user }) => {
    await endAllSessionsOf(
      trx,
      user.id,
      'signed_out_everywhere',
      server.now(),
      server.sessionLimits,
    );
    return signedOut(request);
  });
}
