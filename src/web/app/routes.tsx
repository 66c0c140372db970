import { Route, Routes } from "react-router";
import { PasswordPage } from "../features/account/password-page.tsx";
import { analysisRoutes } from "../features/analysis/routes.tsx";
import { AuditPage } from "../features/audit/audit-page.tsx";
import { LoginPage } from "../features/auth/login-page.tsx";
import { careRoutes } from "../features/care/routes.tsx";
import { directoryRoutes, publicDirectoryRoutes } from "../features/directory/routes.tsx";
import { importRoutes } from "../features/exchange/routes.tsx";
import { HomePage } from "../features/home/home-page.tsx";
import { dataQualityRoutes } from "../features/home/routes.tsx";
import { IndicatorFactsPage } from "../features/indicator-facts/indicator-facts-page.tsx";
import { DashboardRoutes } from "../features/indicators/dashboard-routes.tsx";
import { measuresRoutes } from "../features/measures/routes.tsx";
import { pathwayRoutes } from "../features/pathways/routes.tsx";
import { planningRoutes } from "../features/planning/routes.tsx";
import { PracticeCreatePage } from "../features/practices/practice-create-page.tsx";
import { PracticePage } from "../features/practices/practice-page.tsx";
import { PracticesPage } from "../features/practices/practices-page.tsx";
import { ProgrammeCreatePage } from "../features/programmes/programme-create-page.tsx";
import { ProgrammeEditPage } from "../features/programmes/programme-edit-page.tsx";
import { ProgrammePage } from "../features/programmes/programme-page.tsx";
import { ProgrammesPage } from "../features/programmes/programmes-page.tsx";
import { protocolRoutes } from "../features/protocols/routes.tsx";
import { registryRoutes } from "../features/registry/routes.tsx";
import { SitePage } from "../features/structure/site-page.tsx";
import { StructurePage } from "../features/structure/structure-page.tsx";
import { UsersPage } from "../features/users/users-page.tsx";
import { RequireAdmin, RequireSession } from "./guards.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { Shell } from "./shell.tsx";

/** Every page of the app. Administration pages are also refused by the server: the guard only explains. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {publicDirectoryRoutes}
      <Route element={<RequireSession />}>
        <Route element={<Shell />}>
          <Route index element={<HomePage />} />
          <Route path="account/password" element={<PasswordPage />} />
          <Route path="programmes" element={<ProgrammesPage />} />
          <Route path="programmes/new" element={<ProgrammeCreatePage />} />
          <Route path="programmes/:id" element={<ProgrammePage />} />
          <Route path="programmes/:id/edit" element={<ProgrammeEditPage />} />
          <Route path="programmes/:id/dashboard/*" element={<DashboardRoutes />} />
          <Route path="sites/:id" element={<SitePage />} />
          {planningRoutes}
          {registryRoutes}
          {pathwayRoutes}
          {dataQualityRoutes}
          {importRoutes}
          {directoryRoutes}
          {protocolRoutes}
          {careRoutes}
          {measuresRoutes}
          {analysisRoutes}
          <Route path="practices" element={<PracticesPage />} />
          <Route
            path="practices/new"
            element={
              <RequireAdmin>
                <PracticeCreatePage />
              </RequireAdmin>
            }
          />
          <Route path="practices/:id" element={<PracticePage />} />
          <Route
            path="admin/structure"
            element={
              <RequireAdmin>
                <StructurePage />
              </RequireAdmin>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequireAdmin>
                <UsersPage />
              </RequireAdmin>
            }
          />
          <Route
            path="admin/audit"
            element={
              <RequireAdmin>
                <AuditPage />
              </RequireAdmin>
            }
          />
          <Route
            path="admin/indicator-facts"
            element={
              <RequireAdmin>
                <IndicatorFactsPage />
              </RequireAdmin>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
