import { Route } from "react-router";
import { BatchEntryPage } from "./batch-entry-page.tsx";
import { GroupPage } from "./group-page.tsx";
import { GroupsPage } from "./groups-page.tsx";
import { PatientPage } from "./patient-page.tsx";
import { SitePatientsPage } from "./site-patients-page.tsx";
import { WorklistsPage } from "./worklists-page.tsx";

/** The registry's pages, inside the signed-in shell (the server decides who sees what). */
export const registryRoutes = (
  <>
    <Route path="sites/:id/patients" element={<SitePatientsPage />} />
    <Route path="sites/:id/worklists" element={<WorklistsPage />} />
    <Route path="sites/:id/groups" element={<GroupsPage />} />
    <Route path="sites/:id/day-entry" element={<BatchEntryPage />} />
    <Route path="patients/:id" element={<PatientPage />} />
    <Route path="groups/:id" element={<GroupPage />} />
  </>
);
