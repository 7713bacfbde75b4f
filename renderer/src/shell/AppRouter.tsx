import { useState } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router-dom';
import { BackupPage } from '../backup/BackupPage';
import { CaseDetailPage } from '../cases/detail/CaseDetailPage';
import { CaseListPage } from '../cases/CaseListPage';
import { EnquiriesPage } from '../enquiries/EnquiriesPage';
import { HomePage } from '../home/HomePage';
import { RegisterPage } from '../register/RegisterPage';
import { RespondentListPage } from '../respondents/RespondentListPage';
import { RespondentPage } from '../respondents/RespondentPage';
import { CalendarPanel } from '../settings/CalendarPanel';
import { InvestigationSettingsPanel } from '../settings/InvestigationSettingsPanel';
import { OfficeSettingsPage } from '../settings/OfficeSettingsPage';
import { CatalogListsPanel } from '../settings/CatalogListsPanel';
import { RegionsPanel } from '../settings/RegionsPanel';
import { RuleSetsPanel } from '../settings/RuleSetsPanel';
import { SettingsPage } from '../settings/SettingsPage';
import { TypicalEditorPage } from '../typical/TypicalEditorPage';
import { TypicalListPage } from '../typical/TypicalListPage';
import { UsersPage } from '../users/UsersPage';
import { AdminOnly } from './AdminOnly';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

/**
 * Hash routes work both from file:// under Electron and from the loopback host. A data router is
 * needed for useBlocker (the register page's unsaved-input guard).
 */
function createRouter() {
  return createHashRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'register', element: <RegisterPage /> },
        { path: 'enquiries', element: <EnquiriesPage /> },
        { path: 'cases', element: <CaseListPage /> },
        { path: 'cases/:id', element: <CaseDetailPage /> },
        { path: 'respondents', element: <RespondentListPage /> },
        { path: 'respondents/:id', element: <RespondentPage /> },
        { path: 'typical', element: <TypicalListPage /> },
        { path: 'typical/:caseId', element: <TypicalEditorPage /> },
        // Its own chunk: the charts load when 统计 is first opened, not with the counter's screens.
        { path: 'statistics', lazy: async () => ({ Component: (await import('../statistics/StatisticsPage')).StatisticsPage }) },
        {
          path: 'settings',
          element: <AdminOnly><SettingsPage /></AdminOnly>,
          children: [
            { index: true, element: <Navigate to="backup" replace /> },
            { path: 'backup', element: <BackupPage /> },
            { path: 'rules', element: <RuleSetsPanel /> },
            { path: 'calendar', element: <CalendarPanel /> },
            // 办案设置 and 单位与文书 became sections of 办公设置; old links still land there.
            { path: 'workflow', element: <Navigate to="/settings/office" replace /> },
            { path: 'lists', element: <CatalogListsPanel /> },
            { path: 'regions', element: <RegionsPanel /> },
            { path: 'office', element: <OfficeSettingsPage /> },
            { path: 'investigation', element: <InvestigationSettingsPanel /> },
            { path: 'users', element: <UsersPage /> },
          ],
        },
        { path: 'users', element: <Navigate to="/settings/users" replace /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

/**
 * `startAtHome`: a user who has just signed in starts on their own 今日, never on the page the
 * previous user left in the address bar. A reload of a running session keeps its page, and the
 * same user signing in again after the session lapsed keeps theirs (the router is not made anew).
 */
export function AppRouter({ startAtHome = false }: { startAtHome?: boolean }) {
  const [router] = useState(() => {
    if (startAtHome && window.location.hash !== '#/') window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
    return createRouter();
  });
  return <RouterProvider router={router} />;
}
