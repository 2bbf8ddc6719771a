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

// Feature pages load on first visit, so the login page on a phone does not wait for every table.
const OrganisationPage = lazy(() =>
  import('../features/org/OrganisationPage').then((m) => ({ default: m.OrganisationPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const WorkbenchPage = lazy(() =>
  import('../features/workbench/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })),
);
const RecordPage = lazy(() =>
  import('../features/records/RecordPage').then((m) => ({ default: m.RecordPage })),
);
const ReviewPage = lazy(() =>
  import('../features/review/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);
const BranchMonthPage = lazy(() =>
  import('../features/review/BranchMonthPage').then((m) => ({ default: m.BranchMonthPage })),
);
const ReviewRecordPage = lazy(() =>
  import('../features/review/ReviewRecordPage').then((m) => ({ default: m.ReviewRecordPage })),
);
const CampaignsPage = lazy(() =>
  import('../features/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignTasksPage = lazy(() =>
  import('../features/campaigns/CampaignTasksPage').then((m) => ({ default: m.CampaignTasksPage })),
);
// The dashboard carries ECharts: only its own chunk loads it.
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const BranchProfilePage = lazy(() =>
  import('../features/dashboard/BranchProfilePage').then((m) => ({ default: m.BranchProfilePage })),
);
const ProblemsPage = lazy(() =>
  import('../features/problems/ProblemsPage').then((m) => ({ default: m.ProblemsPage })),
);
const RevisionsPage = lazy(() =>
  import('../features/revisions/RevisionsPage').then((m) => ({ default: m.RevisionsPage })),
);
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);
const SummaryEditorPage = lazy(() =>
  import('../features/reports/SummaryEditorPage').then((m) => ({ default: m.SummaryEditorPage })),
);
const PublicityPage = lazy(() =>
  import('../features/publicity/PublicityPage').then((m) => ({ default: m.PublicityPage })),
);
const CasesPage = lazy(() => import('../features/cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const SignInPage = lazy(() =>
  import('../features/signin/SignInPage').then((m) => ({ default: m.SignInPage })),
);

const builtPages: Record<string, ReactNode> = {
  '/workbench': <WorkbenchPage />,
  '/review': <ReviewPage />,
  '/dashboard': <DashboardPage />,
  '/campaigns': <CampaignsPage />,
  '/problems': <ProblemsPage />,
  '/revisions': <RevisionsPage />,
  '/reports': <ReportsPage />,
  '/publicity': <PublicityPage />,
  '/cases': <CasesPage />,
  '/org': <OrganisationPage />,
  '/users': <UsersPage />,
  '/audit': <AuditPage />,
};

/** Pages inside an area (a record, a campaign's tasks): same roles as the area, same menu entry. */
const subPages: Record<string, { path: string; element: ReactNode }[]> = {
  '/workbench': [{ path: '/workbench/records/:recordId', element: <RecordPage /> }],
  '/review': [
    { path: '/review/:recordId', element: <ReviewRecordPage /> },
    { path: '/review/month/:branchId/:periodKey', element: <BranchMonthPage /> },
  ],
  '/campaigns': [{ path: '/campaigns/:campaignId', element: <CampaignTasksPage /> }],
  '/dashboard': [{ path: '/dashboard/branches/:id', element: <BranchProfilePage /> }],
  '/reports': [{ path: '/reports/summary', element: <SummaryEditorPage /> }],
};

/** Each area of the menu gets its page. */
const areaRoutes: RouteObject[] = navAreas.flatMap((area) => [
  {
    path: area.path,
    element: <RequireRoles roles={area.roles}>{builtPages[area.path] ?? <NotFoundPage />}</RequireRoles>,
  },
  ...(subPages[area.path] ?? []).map((page) => ({
    path: page.path,
    element: <RequireRoles roles={area.roles}>{page.element}</RequireRoles>,
  })),
]);

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
          { path: '/sign-in/:token', element: <SignInPage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
