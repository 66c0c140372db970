import type { ReactNode } from "react";
import { Route, useParams } from "react-router";
import { RequireRegistry } from "../../app/guards.tsx";
import { GroupPage } from "./groups/group-page.tsx";
import { GroupsPage } from "./groups/groups-page.tsx";
import { BatchEntryPage } from "./interventions/batch-entry-page.tsx";
import { PatientPage } from "./patients/patient-page.tsx";
import { SitePatientsPage } from "./patients/site-patients-page.tsx";
import { WorklistsPage } from "./worklists/worklists-page.tsx";

/** A site's registry page, for those who may use the registry at that site (others are told why). */
function AtSite({ children }: { children: ReactNode }) {
  const siteId = Number(useParams().id);
  return <RequireRegistry siteId={siteId}>{children}</RequireRegistry>;
}

/**
 * The registry's pages, inside the signed-in shell. The server decides who sees what; the guards
 * say why a page is refused (a viewer, a site not among the user's) instead of offering its
 * controls. A patient or a group of another site is refused by the server with its reason.
 */
export const registryRoutes = (
  <>
    <Route
      path="sites/:id/patients"
      element={
        <AtSite>
          <SitePatientsPage />
        </AtSite>
      }
    />
    <Route
      path="sites/:id/worklists"
      element={
        <AtSite>
          <WorklistsPage />
        </AtSite>
      }
    />
    <Route
      path="sites/:id/groups"
      element={
        <AtSite>
          <GroupsPage />
        </AtSite>
      }
    />
    <Route
      path="sites/:id/day-entry"
      element={
        <AtSite>
          <BatchEntryPage />
        </AtSite>
      }
    />
    <Route
      path="patients/:id"
      element={
        <RequireRegistry>
          <PatientPage />
        </RequireRegistry>
      }
    />
    <Route
      path="groups/:id"
      element={
        <RequireRegistry>
          <GroupPage />
        </RequireRegistry>
      }
    />
  </>
);
