import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { CaseDetailPage } from '../cases/detail/CaseDetailPage';
import { CaseListPage } from '../cases/CaseListPage';
import { HomePage } from '../home/HomePage';
import { RegisterPage } from '../register/RegisterPage';
import { OfficeSettingsPage } from '../settings/OfficeSettingsPage';
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
        { path: 'cases', element: <CaseListPage /> },
        { path: 'cases/:id', element: <CaseDetailPage /> },
        { path: 'users', element: <AdminOnly><UsersPage /></AdminOnly> },
        { path: 'settings/office', element: <AdminOnly><OfficeSettingsPage /></AdminOnly> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export function AppRouter() {
  const [router] = useState(createRouter);
  return <RouterProvider router={router} />;
}
