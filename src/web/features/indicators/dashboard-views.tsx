import { Route, Routes } from "react-router";
import { NotFoundPage } from "../../app/not-found-page.tsx";
import "../../app/ui/echarts-setup.ts";
import { EditorPage } from "./editor/editor-page.tsx";
import { IndicatorsPage } from "./editor/indicators-page.tsx";
import { ChartsIndexPage, IndicatorPage } from "./indicator-page.tsx";
import { OverviewPage } from "./overview-page.tsx";
import { SiteIndicatorsPage } from "./site-indicators-page.tsx";
import { TablePage } from "./table-page.tsx";
import { TrendsPage } from "./trends-page.tsx";

/** The dashboard's pages, under /programmes/:id/dashboard (loaded with the charts, on first use). */
export default function DashboardViews() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="charts" element={<ChartsIndexPage />} />
      <Route path="charts/:indicatorId" element={<IndicatorPage />} />
      <Route path="sites/:siteCode" element={<SiteIndicatorsPage />} />
      <Route path="trends" element={<TrendsPage />} />
      <Route path="table" element={<TablePage />} />
      <Route path="indicators" element={<IndicatorsPage />} />
      <Route path="indicators/new" element={<EditorPage />} />
      <Route path="indicators/:indicatorId/edit" element={<EditorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
