import { lazy, Suspense } from "react";
import { Route } from "react-router";
import { Loading } from "../../app/page.tsx";
import { ActionPlanPage } from "./action-plan/action-plan-page.tsx";
import { ProgressPage } from "./action-plan/progress-page.tsx";
import { ChainPage } from "./chain/chain-page.tsx";
import { HistoryPage } from "./history/history-page.tsx";
import { PlanningHomePage } from "./planning-home-page.tsx";
import { QuestionnairesPage } from "./questionnaire/questionnaires-page.tsx";
import { ResponsePage } from "./questionnaire/response-page.tsx";
import { ResultsPage } from "./questionnaire/results-page.tsx";
import { RecoPage } from "./reco/reco-page.tsx";
import { CompliancePage } from "./roadmap/compliance-page.tsx";
import { RoadmapPage } from "./roadmap/roadmap-page.tsx";
import { SanaComparePage } from "./sana/sana-compare-page.tsx";
import { SanaPage } from "./sana/sana-page.tsx";
import { SanaTemplatePage } from "./sana/template-page.tsx";
import { CommonFactorsPage } from "./swot/common-factors-page.tsx";
import { SwotPage } from "./swot/swot-page.tsx";
import { SwotTagsPage } from "./swot/tags-page.tsx";

/** The diagram editor (React Flow and dagre) comes in its own chunk, fetched on the first visit. */
const TocPage = lazy(() => import("./toc/toc-page.tsx").then((m) => ({ default: m.TocPage })));

/** The planning toolkit's pages, inside the signed-in shell (the server decides who sees what). */
export const planningRoutes = (
  <Route path="programmes/:id/planning">
    <Route index element={<PlanningHomePage />} />
    <Route path="swot/:scope" element={<SwotPage />} />
    <Route path="swot-tags" element={<SwotTagsPage />} />
    <Route path="swot-common-factors" element={<CommonFactorsPage />} />
    <Route path="action-plan/:scope" element={<ActionPlanPage />} />
    <Route path="action-plan-progress" element={<ProgressPage />} />
    <Route path="roadmap/:scope" element={<RoadmapPage />} />
    <Route path="roadmap-compliance" element={<CompliancePage />} />
    <Route path="sana/:scope" element={<SanaPage />} />
    <Route path="sana-compare" element={<SanaComparePage />} />
    <Route path="questionnaires" element={<QuestionnairesPage />} />
    <Route path="questionnaires/:questionnaireId/results" element={<ResultsPage />} />
    <Route path="questionnaires/:questionnaireId/rounds/:roundId/:scope" element={<ResponsePage />} />
    <Route path="sana-template" element={<SanaTemplatePage />} />
    <Route path="reco" element={<RecoPage />} />
    <Route path="chain/:scope" element={<ChainPage />} />
    <Route
      path="toc/:scope"
      element={
        <Suspense fallback={<Loading />}>
          <TocPage />
        </Suspense>
      }
    />
    <Route path=":artefact/:scope/history" element={<HistoryPage />} />
  </Route>
);
