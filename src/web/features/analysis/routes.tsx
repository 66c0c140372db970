import { Route } from "react-router";
import { AnalysisPage } from "./analysis-page.tsx";

/** The analysis page, inside the signed-in shell (the server decides who analyses what). */
export const analysisRoutes = <Route path="programmes/:id/analysis" element={<AnalysisPage />} />;
