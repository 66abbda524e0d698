import { Navigate, createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from '../features/auth/components/require-auth';
import { LoginPage } from '../features/auth/routes/login-page';
import { MunicipalitiesPage } from '../features/municipalities/routes/municipalities-page';
import { MunicipalityPage } from '../features/municipalities/routes/municipality-page';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './routes/not-found-page';
import { RouteErrorPage } from './routes/route-error-page';

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/logg-inn', element: <LoginPage /> },
        {
          element: <RequireAuth />,
          children: [
            {
              element: <AppLayout />,
              children: [
                {
                  errorElement: <RouteErrorPage />,
                  children: [
                    { index: true, element: <Navigate to="/kommuner" replace /> },
                    { path: '/kommuner', element: <MunicipalitiesPage /> },
                    { path: '/kommuner/:kommunenummer', element: <MunicipalityPage /> },
                    { path: '*', element: <NotFoundPage /> },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
