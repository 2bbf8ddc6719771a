import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { SessionGate } from './SessionGate';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect, NotFoundPage, RouteErrorPage } from './RouteHelpers';
import { RequireRoles } from './RequireRoles';
import { navAreas } from './navigation';
import { LoginPage } from '../features/auth/LoginPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { SetupPage } from '../features/setup/SetupPage';
import { ComingSoonPage } from '../features/placeholders/ComingSoonPage';

// Feature pages load on first visit, so the login page on a phone does not wait for every table.
const OrganisationPage = lazy(() =>
  import('../features/org/OrganisationPage').then((m) => ({ default: m.OrganisationPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

const builtPages: Record<string, ReactNode> = {
  '/org': <OrganisationPage />,
  '/users': <UsersPage />,
  '/audit': <AuditPage />,
};

/** Each area of the menu gets its page, or a "coming soon" page until it is built. */
const areaRoutes: RouteObject[] = navAreas.map((area) => ({
  path: area.path,
  element: (
    <RequireRoles roles={area.roles}>{builtPages[area.path] ?? <ComingSoonPage area={area} />}</RequireRoles>
  ),
}));

export const router = createBrowserRouter([
  {
    element: <SessionGate />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/password', element: <ChangePasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          ...areaRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
