import { createBrowserRouter, type RouteObject } from 'react-router';
import { SessionGate } from './SessionGate';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect, NotFoundPage, RouteErrorPage } from './RouteHelpers';
import { RequireRoles } from './RequireRoles';
import type { PageRoute } from './module';
import { navEntries, pageRoutes } from './modules';

/** A page in an area opens to the area's roles; others get a plain explanation, not a broken page. */
function routeOf(page: PageRoute): RouteObject {
  if (page.area === undefined) return { path: page.path, element: page.element };
  const area = navEntries.find((a) => a.path === page.area);
  if (!area) throw new Error(`page ${page.path} names the area ${page.area}, which no module's menu has`);
  return { path: page.path, element: <RequireRoles area={area}>{page.element}</RequireRoles> };
}

export const router = createBrowserRouter([
  {
    element: <SessionGate />,
    errorElement: <RouteErrorPage />,
    children: [
      ...pageRoutes.filter((p) => p.bare).map(routeOf),
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          ...pageRoutes.filter((p) => !p.bare).map(routeOf),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
