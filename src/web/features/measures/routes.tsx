import { Route } from "react-router";
import { AdministrationPage } from "./administration-page.tsx";

/** The measures pages, inside the signed-in shell (the server decides who sees what). */
export const measuresRoutes = (
  <>
    <Route path="patients/:id/measures/new" element={<AdministrationPage />} />
  </>
);
