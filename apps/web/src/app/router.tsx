import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router'
import { z } from 'zod'
import { paths } from '../config/paths'
import { AuditSearch } from '../features/audit/lib/audit-search'
import { FindingsSearch } from '../features/findings/lib/findings-search'
import { ActivityListSearch } from '../features/activities/lib/list-search'
import { ProcessorListSearch } from '../features/processors/lib/list-search'
import { SearchPageSearch } from '../features/search/lib/search-params'
import { sessionQueryOptions } from '../lib/auth'
import { AppShell } from './layout/app-shell'
import { NotFound, RouteError, RoutePending } from './routes/fallbacks'

export interface RouterContext {
  queryClient: QueryClient
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
})

/** Only a path inside this app may be a post-login destination (no open redirect to another site). */
const LoginSearch = z.object({
  redirect: z
    .string()
    .refine((v) => v.startsWith('/') && !v.startsWith('//'))
    .optional()
    .catch(undefined),
  loggedOut: z.boolean().optional().catch(undefined),
})

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.login.path,
  validateSearch: LoginSearch,
  // Already signed in (known from the cache, without asking the server): go where the user was headed.
  beforeLoad: ({ context, search }) => {
    if (context.queryClient.getQueryData(sessionQueryOptions().queryKey)) throw redirect({ href: search.redirect ?? paths.overview.path })
  },
  component: lazyRouteComponent(() => import('./routes/login'), 'LoginRoute'),
})

// The home page's code, fetched beside the session check when the overview is what is opened.
const overviewComponent = lazyRouteComponent(() => import('./routes/overview'), 'OverviewRoute')

/** Every page behind sign-in. The session is loaded once here; a 401 anywhere later comes back to /login. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    if (location.pathname === paths.overview.path) void overviewComponent.preload?.()
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions())
    if (!session) throw redirect({ to: paths.login.path, search: { redirect: location.href } })
    return { session }
  },
  component: AppShell,
})

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.home.path,
  beforeLoad: () => {
    throw redirect({ to: paths.overview.path })
  },
})

const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.overview.path,
  validateSearch: FindingsSearch,
  component: overviewComponent,
})

const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.activities.list.path,
  validateSearch: ActivityListSearch,
  component: lazyRouteComponent(() => import('./routes/activities-list'), 'ActivitiesListRoute'),
})

const activityNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.activities.new.path,
  component: lazyRouteComponent(() => import('./routes/activity-new'), 'ActivityNewRoute'),
})

const activitiesMatrixRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.activities.matrix.path,
  component: lazyRouteComponent(() => import('./routes/activities-matrix'), 'ActivitiesMatrixRoute'),
})

const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.activities.detail.path,
  component: lazyRouteComponent(() => import('./routes/activity-detail'), 'ActivityDetailRoute'),
})

const activityEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.activities.edit.path,
  component: lazyRouteComponent(() => import('./routes/activity-edit'), 'ActivityEditRoute'),
})

const exportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.exports.path,
  component: lazyRouteComponent(() => import('./routes/exports'), 'ExportsRoute'),
})

const publicListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.publicList.path,
  component: lazyRouteComponent(() => import('./routes/public-list'), 'PublicListRoute'),
})

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.imports.path,
  component: lazyRouteComponent(() => import('./routes/imports'), 'ImportsRoute'),
})

const noticeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.notice.path,
  component: lazyRouteComponent(() => import('./routes/notice'), 'NoticeRoute'),
})

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.audit.path,
  validateSearch: AuditSearch,
  component: lazyRouteComponent(() => import('./routes/audit-trail'), 'AuditTrailRoute'),
})

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.users.path,
  component: lazyRouteComponent(() => import('./routes/users'), 'UsersRoute'),
})

const vocabularyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.vocabulary.path,
  component: lazyRouteComponent(() => import('./routes/vocabulary'), 'VocabularyRoute'),
})

const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.organisation.path,
  component: lazyRouteComponent(() => import('./routes/organisation'), 'OrganisationRoute'),
})

const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.search.path,
  validateSearch: SearchPageSearch,
  component: lazyRouteComponent(() => import('./routes/search'), 'SearchRoute'),
})

const processorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.processors.list.path,
  validateSearch: ProcessorListSearch,
  component: lazyRouteComponent(() => import('./routes/processors-list'), 'ProcessorsListRoute'),
})

const processorNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.processors.new.path,
  component: lazyRouteComponent(() => import('./routes/processor-new'), 'ProcessorNewRoute'),
})

const processorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.processors.detail.path,
  component: lazyRouteComponent(() => import('./routes/processor-detail'), 'ProcessorDetailRoute'),
})

const processorEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: paths.processors.edit.path,
  component: lazyRouteComponent(() => import('./routes/processor-edit'), 'ProcessorEditRoute'),
})

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    indexRoute,
    overviewRoute,
    processorsRoute,
    processorNewRoute,
    processorRoute,
    processorEditRoute,
    activitiesRoute,
    activityNewRoute,
    activitiesMatrixRoute,
    activityRoute,
    activityEditRoute,
    exportsRoute,
    publicListRoute,
    importsRoute,
    noticeRoute,
    auditRoute,
    usersRoute,
    organisationRoute,
    vocabularyRoute,
    searchRoute,
  ]),
])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: RoutePending,
    defaultPendingMs: 300,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
