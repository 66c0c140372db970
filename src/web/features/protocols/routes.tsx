import { Route } from "react-router";
import { AssessmentPage } from "./assessment-page.tsx";
import { DimensionPage } from "./dimension-page.tsx";
import { ProtocolPage } from "./protocol-page.tsx";
import { ProtocolsPage } from "./protocols-page.tsx";

/** The protocol learning system's pages (every signed-in user; the server decides what they see). */
export const protocolRoutes = [
  <Route key="protocols" path="protocols" element={<ProtocolsPage />} />,
  <Route key="protocol" path="protocols/:id" element={<ProtocolPage />} />,
  <Route key="dimension" path="protocols/:id/dimensions/:dimensionId" element={<DimensionPage />} />,
  <Route key="assessment" path="protocols/:id/sites/:siteId/assessment" element={<AssessmentPage />} />,
];
