import { createBrowserRouter } from 'react-router-dom';
import { AgreementPage } from '../features/agreements/routes/agreement-page';
import { AgreementsPage } from '../features/agreements/routes/agreements-page';
import { NewAgreementPage } from '../features/agreements/routes/new-agreement-page';
import { RequireAuth } from '../features/auth/components/require-auth';
import { RequireRole } from '../features/auth/components/require-role';
import { CASEWORK_ROLES } from '../lib/roles';
import { DoctorPage } from '../features/doctors/routes/doctor-page';
import { DoctorsPage } from '../features/doctors/routes/doctors-page';
import { GrantApplicationPage } from '../features/grants/routes/grant-application-page';
import { GrantApplicationsPage } from '../features/grants/routes/grant-applications-page';
import { GrantSchemesPage } from '../features/grants/routes/grant-schemes-page';
import { ImportPage } from '../features/imports/routes/import-page';
import { NewDoctorPage } from '../features/doctors/routes/new-doctor-page';
import { LoginPage } from '../features/auth/routes/login-page';
import { MunicipalitiesPage } from '../features/municipalities/routes/municipalities-page';
import { NewSupervisorPage } from '../features/supervisors/routes/new-supervisor-page';
import { SupervisorPage } from '../features/supervisors/routes/supervisor-page';
import { SupervisorsPage } from '../features/supervisors/routes/supervisors-page';
import { CoursePage } from '../features/courses/routes/course-page';
import { CoursesPage } from '../features/courses/routes/courses-page';
import { NewCoursePage } from '../features/courses/routes/new-course-page';
import { SpecialAttentionPage } from '../features/follow-ups/routes/special-attention-page';
import { DashboardPage } from '../features/reports/routes/dashboard-page';
import { AppLayout } from './layout/app-layout';
import { MunicipalityRoute } from './routes/municipality-route';
import { NotFoundPage } from './routes/not-found-page';
import { StartPage } from './routes/start-page';
import { WorklistPage } from '../features/worklist/routes/worklist-page';
import { RouteErrorPage } from './routes/route-error-page';
import { AccountPage } from '../features/auth/routes/account-page';
import { ACCOUNT_PATH } from '../features/auth/components/require-auth';
import { ADMIN_ROLES } from '../lib/roles';
import { UsersPage } from '../features/users/routes/users-page';
import { UserPage } from '../features/users/routes/user-page';
import { ApiClientsPage } from '../features/api-clients/routes/api-clients-page';

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
                    { index: true, element: <StartPage /> },
                    { path: '/oppgaver', element: <RequireRole roles={['office', 'admin']} />, children: [{ index: true, element: <WorklistPage /> }] },
                    { path: '/kommuner', element: <MunicipalitiesPage /> },
                    { path: '/kommuner/:kommunenummer', element: <MunicipalityRoute /> },
                    { path: '/tilskudd', element: <GrantApplicationsPage /> },
                    { path: '/tilskudd/ordninger', element: <GrantSchemesPage /> },
                    { path: '/tilskudd/:id', element: <GrantApplicationPage /> },
                    {
                      element: <RequireRole roles={CASEWORK_ROLES} />,
                      children: [
                        { path: '/avtaler', element: <AgreementsPage /> },
                        { path: '/avtaler/ny', element: <NewAgreementPage /> },
                        { path: '/avtaler/:id', element: <AgreementPage /> },
                        { path: '/leger', element: <DoctorsPage /> },
                        { path: '/leger/ny', element: <NewDoctorPage /> },
                        { path: '/leger/:id', element: <DoctorPage /> },
                        { path: '/veiledere', element: <SupervisorsPage /> },
                        { path: '/veiledere/ny', element: <NewSupervisorPage /> },
                        { path: '/veiledere/:id', element: <SupervisorPage /> },
                        { path: '/kurs', element: <CoursesPage /> },
                        { path: '/kurs/ny', element: <NewCoursePage /> },
                        { path: '/kurs/:id', element: <CoursePage /> },
                        { path: '/oppfolging', element: <SpecialAttentionPage /> },
                        { path: '/import', element: <ImportPage /> },
                      ],
                    },
                    { path: '/oversikt', element: <DashboardPage /> },
                    { path: ACCOUNT_PATH, element: <AccountPage /> },
                    {
                      element: <RequireRole roles={ADMIN_ROLES} />,
                      children: [
                        { path: '/brukere', element: <UsersPage /> },
                        { path: '/brukere/:id', element: <UserPage /> },
                        { path: '/klienter', element: <ApiClientsPage /> },
                      ],
                    },
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
