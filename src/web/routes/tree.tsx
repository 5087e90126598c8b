import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { evaluationQuery, meQuery, overviewQuery } from '../api/queries.ts';
import { Loading } from '../components/Loading.tsx';
import { PublicLayout, RootError, RootNotFound } from '../layout/PublicLayout.tsx';
import { ErrorPage } from '../pages/errors/ErrorPage.tsx';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import { auditSearch } from '../pages/audit/search.ts';
import { boardSearch } from '../pages/boards/search.ts';
import { planSearch } from '../pages/plans/search.ts';
import { dashboardSearch } from '../pages/dashboard/search.ts';
import { recognitionSearch } from '../pages/recognition/search.ts';
import { resolveView } from '../view.ts';
import { LOGIN_PATH, safeNext } from './safeNext.ts';
import { loginSearch, overviewSearch, parseSearch, stringifySearch, unitSearch } from './search.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const root = createRootRouteWithContext<RouterContext>()({ component: Outlet, notFoundComponent: RootNotFound, errorComponent: RootError });

// Public area: the home page anonymous visitors see, and the login. Light on purpose (no Ant Design).
const publicArea = createRoute({ getParentRoute: () => root, id: 'public', component: PublicLayout });

const home = createRoute({ getParentRoute: () => publicArea, path: '/', component: lazyRouteComponent(() => import('../pages/home/HomePage.tsx')) });

const login = createRoute({
  getParentRoute: () => publicArea,
  path: LOGIN_PATH,
  validateSearch: loginSearch,
  beforeLoad: async ({ context, search }) => {
    if (await context.queryClient.ensureQueryData(meQuery)) redirect({ href: safeNext(search.next, window.location.origin), replace: true, throw: true });
  },
  component: lazyRouteComponent(() => import('../pages/login/LoginPage.tsx')),
});

// Staff area: behind the login; its layout (and Ant Design) loads only once the session is known.
const staff = createRoute({
  getParentRoute: () => root,
  id: 'staff',
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(meQuery);
    if (!user) redirect({ to: LOGIN_PATH, search: { next: location.href }, replace: true, throw: true });
    return { user };
  },
  component: lazyRouteComponent(() => import('../layout/StaffLayout.tsx')),
});

// The loaders start the data request while the screen's code is still downloading; the screens read the cache.
const overview = createRoute({
  getParentRoute: () => staff,
  path: '/tong-quan',
  validateSearch: overviewSearch,
  loaderDeps: ({ search }) => ({ asOf: search.asOf, year: search.year, basis: search.basis }),
  loader: ({ context, deps }) => void context.queryClient.prefetchQuery(overviewQuery({ ...resolveView(deps), basis: deps.basis })),
  component: lazyRouteComponent(() => import('../pages/overview/OverviewPage.tsx')),
});

const unit = createRoute({
  getParentRoute: () => staff,
  path: '/don-vi/$code',
  validateSearch: unitSearch,
  loaderDeps: ({ search }) => ({ asOf: search.asOf, year: search.year, set: search.set, basis: search.basis }),
  loader: ({ context, deps, params }) => void context.queryClient.prefetchQuery(evaluationQuery(params.code, { ...resolveView(deps), basis: deps.basis })),
  component: lazyRouteComponent(() => import('../pages/scorecard/ScorecardPage.tsx')),
});

const sets = createRoute({ getParentRoute: () => staff, path: '/bo-tieu-chi', component: lazyRouteComponent(() => import('../pages/sets/SetsPage.tsx')) });

const setDetail = createRoute({
  getParentRoute: () => staff,
  path: '/bo-tieu-chi/$id',
  component: lazyRouteComponent(() => import('../pages/sets/SetDetailPage.tsx')),
});

// workbooks
const workbooks = createRoute({
  getParentRoute: () => staff,
  path: '/nhap-xuat-excel',
  component: lazyRouteComponent(() => import('../pages/workbooks/WorkbooksPage.tsx')),
});

const importSet = createRoute({
  getParentRoute: () => staff,
  path: '/nap-bo-tieu-chi',
  component: lazyRouteComponent(() => import('../pages/sets/ImportSetPage.tsx')),
});

// audit: one unit's change log.
const auditLog = createRoute({
  getParentRoute: () => staff,
  path: '/nhat-ky/$code',
  validateSearch: auditSearch,
  component: lazyRouteComponent(() => import('../pages/audit/AuditPage.tsx')),
});

// assessments
const entryPicker = createRoute({
  getParentRoute: () => staff,
  path: '/nhap-lieu',
  component: lazyRouteComponent(() => import('../pages/assessments/EntryPickerPage.tsx')),
});

const entry = createRoute({
  getParentRoute: () => staff,
  path: '/nhap-lieu/$code/$family/$year',
  component: lazyRouteComponent(() => import('../pages/assessments/EntryPage.tsx')),
});

// boards: the status boards and bulk steps.
const boards = createRoute({
  getParentRoute: () => staff,
  path: '/theo-doi',
  validateSearch: boardSearch,
  component: lazyRouteComponent(() => import('../pages/boards/BoardsPage.tsx')),
});

// recognition: the register (QĐ 18/2022/QĐ-TTg) and one dossier.
const recognitionRegister = createRoute({
  getParentRoute: () => staff,
  path: '/cong-nhan',
  validateSearch: recognitionSearch,
  component: lazyRouteComponent(() => import('../pages/recognition/RegisterPage.tsx')),
});

const recognitionDossier = createRoute({
  getParentRoute: () => staff,
  path: '/cong-nhan/$id',
  component: lazyRouteComponent(() => import('../pages/recognition/DossierPage.tsx')),
});

// plans: the plans with their targets, and one plan's progress and forecast as of a date.
const plans = createRoute({
  getParentRoute: () => staff,
  path: '/ke-hoach',
  component: lazyRouteComponent(() => import('../pages/plans/PlansPage.tsx')),
});

const planDetail = createRoute({
  getParentRoute: () => staff,
  path: '/ke-hoach/$id',
  validateSearch: planSearch,
  component: lazyRouteComponent(() => import('../pages/plans/PlanPage.tsx')),
});

// dashboard: charts and the commune map; ECharts and the boundaries load only here.
const dashboard = createRoute({
  getParentRoute: () => staff,
  path: '/bang-dieu-khien',
  validateSearch: dashboardSearch,
  loaderDeps: ({ search }) => ({ asOf: search.asOf, year: search.year, basis: search.basis }),
  loader: ({ context, deps }) => void context.queryClient.prefetchQuery(overviewQuery({ ...resolveView(deps), basis: deps.basis })),
  component: lazyRouteComponent(() => import('../pages/dashboard/DashboardPage.tsx')),
});

// Each feature's screens are written inline under its comment in the staff area (createRoute({ getParentRoute: () => staff, ... })).
const tree = root.addChildren([
  publicArea.addChildren([home, login]),
  staff.addChildren([
    overview,
    unit,
    sets,
    setDetail,
    importSet,
    // assessments
    entryPicker,
    entry,
    // evidence
    // workbooks
    workbooks,
    // dhis2
    // audit
    auditLog,
    // boards
    boards,
    // recognition
    recognitionRegister,
    recognitionDossier,
    // plans
    plans,
    planDetail,
    // dashboard
    dashboard,
  ]),
]);

/** The app's router; every route's error and unknown address show a page (never a blank screen). */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree: tree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPendingComponent: Loading,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
