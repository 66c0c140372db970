import { Route } from "react-router";
import { ActionPlanPage } from "./action-plan/action-plan-page.tsx";
import { HistoryPage } from "./history/history-page.tsx";
import { PlanningHomePage } from "./planning-home-page.tsx";
import { CommonFactorsPage } from "./swot/common-factors-page.tsx";
import { SwotPage } from "./swot/swot-page.tsx";
import { SwotTagsPage } from "./swot/tags-page.tsx";
import { TocPage } from "./toc/toc-page.tsx";

/** The planning toolkit's pages, inside the signed-in shell (the server decides who sees what). */
export const planningRoutes = (
  <Route path="programmes/:id/planning">
    <Route index element={<PlanningHomePage />} />
    <Route path="swot/:scope" element={<SwotPage />} />
    <Route path="swot-tags" element={<SwotTagsPage />} />
    <Route path="swot-common-factors" element={<CommonFactorsPage />} />
    <Route path="action-plan/:scope" element={<ActionPlanPage />} />
    <Route path="toc/:scope" element={<TocPage />} />
    <Route path=":artefact/:scope/history" element={<HistoryPage />} />
  </Route>
);
