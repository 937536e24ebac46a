import { Hono } from 'hono';
import { HttpError, errorResponse } from './http/responses';
import { securityHeaders } from './http/security-headers';
import { mountFilingRoutes } from './reports/filing-routes';
import { mountReportRoutes } from './reports/report-routes';
import { mountItemReadRoutes } from './items/item-read-routes';
import { mountQueueRoutes } from './queues/queue-routes';
import type { ServerContext } from './server-context';
import { mountMediaRoutes } from './media/media-routes';
import { mountRevealRoutes } from './reveals/reveal-routes';
import { mountClaimRoutes } from './claims/claim-routes';
import { mountDecisionRoutes } from './decisions/decision-routes';
import { mountSessionRoutes } from './sessions/session-routes';
import { mountAuditRoutes } from './audit/audit-routes';
import { mountInsightsRoutes } from './insights/insights-routes';
import { mountUrlCopyRoutes } from './url-copies/url-copy-routes';
import { mountWellnessRoutes } from './wellness/wellness-routes';

/**
 * The Verity server as a Hono app: the contract's endpoints (those ported so far: sessions), every
 * answer with the security headers, and a JSON 404 for everything else. `app.fetch` serves a
 * Request, so tests and the MSW bridge need no port.
 */
export function createServerApp(server: ServerContext): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  });
  mountSessionRoutes(app, server);
  mountReportRoutes(app, server);
  mountFilingRoutes(app, server);
  mountQueueRoutes(app, server);
  mountItemReadRoutes(app, server);
  mountAuditRoutes(app, server);
  mountInsightsRoutes(app, server);
  mountRevealRoutes(app, server);
  mountMediaRoutes(app, server);
  mountWellnessRoutes(app, server);
  mountUrlCopyRoutes(app, server);
  mountClaimRoutes(app, server);
  mountDecisionRoutes(app, server);
  app.notFound((c) =>
    errorResponse(
      new HttpError(404, 'not_found', `No such resource: ${c.req.method} ${c.req.path}.`),
    ),
  );
  return app;
}
