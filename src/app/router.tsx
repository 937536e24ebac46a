import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type RouterHistory,
} from '@tanstack/react-router';
import { z } from '../lib/zod';
import { sessionQueryOptions } from '../api/endpoints/session.queries';
import { SignInReason } from '../features/session/public';
import { WorkspaceSearch } from '../features/triage/public';
import { DashboardRoute } from './routes/dashboard';
import { guardedPage } from './routes/guarded-page';
import { RootLayout, RouteError } from './routes/root';
import { SignedInShell } from './routes/shell';
import { SignInRoute } from './routes/sign-in';
import { AuditSearch } from '../features/audit/public';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RouteError,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: z.object({
    reason: z.catch(z.optional(SignInReason), undefined),
    redirect: z.catch(z.optional(z.string()), undefined),
  }),
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.query(sessionQueryOptions());
    if (session.user) throw redirect({ to: '/' });
  },
  component: SignInRoute,
});

/** Every page behind sign-in: no session → the sign-in screen, returning here afterwards. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_signed-in',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.query(sessionQueryOptions());
    if (!session.user) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
    return { user: session.user };
  },
  component: SignedInShell,
  errorComponent: RouteError,
});

const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: DashboardRoute,
  errorComponent: RouteError,
});

const itemRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/items/$itemId',
  // Its own chunk: the dashboard's first load stays small.
  component: lazyRouteComponent(() => import('./routes/item'), 'ItemRoute'),
  errorComponent: RouteError,
});

/** Analysts' and supervisors' triage workspace for one queue; anyone else is told who may open it. */
const queueWorkspaceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/queues/$queueId',
  validateSearch: WorkspaceSearch,
  component: guardedPage(
    'queue',
    lazyRouteComponent(() => import('./routes/queue-workspace'), 'QueueWorkspaceRoute'),
  ),
  errorComponent: RouteError,
});

const allItemsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/items',
  validateSearch: WorkspaceSearch,
  component: lazyRouteComponent(() => import('./routes/all-items'), 'AllItemsRoute'),
  errorComponent: RouteError,
});

/** Auditors' and supervisors' view of the audit log; analysts are told who may open it. */
const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/audit',
  validateSearch: AuditSearch,
  component: guardedPage(
    'audit',
    lazyRouteComponent(() => import('./routes/audit'), 'AuditRoute'),
  ),
  errorComponent: RouteError,
});

/** CyberTipline reports: analysts draft, supervisors review and file, auditors read. */
const reportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports',
  // The status is checked against the contract on the (lazily loaded) page itself.
  validateSearch: z.object({
    status: z.catch(z.optional(z.string().check(z.maxLength(40))), undefined),
  }),
  component: lazyRouteComponent(() => import('./routes/reports'), 'ReportsRoute'),
  errorComponent: RouteError,
});

const reportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports/$reportId',
  component: lazyRouteComponent(() => import('./routes/report'), 'ReportRoute'),
  errorComponent: RouteError,
});

/** Supervisors' insights: rule precision, supplier provenance, agreement, flow and exposure. */
const insightsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/insights',
  validateSearch: z.object({
    days: z.catch(z.optional(z.coerce.number().check(z.int())), undefined),
  }),
  component: guardedPage(
    'insights',
    lazyRouteComponent(() => import('./routes/insights'), 'InsightsRoute'),
  ),
  errorComponent: RouteError,
});

/** Everyone's wellness settings. */
const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./routes/settings'), 'SettingsRoute'),
  errorComponent: RouteError,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    dashboardRoute,
    queueWorkspaceRoute,
    allItemsRoute,
    itemRoute,
    auditRoute,
    reportsRoute,
    reportRoute,
    insightsRoute,
    settingsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
    ...(history ? { history } : {}),
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
