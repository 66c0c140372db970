import { Route } from "react-router";
import { ImportPage } from "./import-page.tsx";

/** The import page (administrators and regional coordinators; the page explains to others). */
export const importRoutes = <Route path="imports" element={<ImportPage />} />;
