import { lazy, Suspense } from "react";
import { Loading } from "../../app/page.tsx";

/** Apache ECharts and the dashboard's pages come in their own chunk, fetched on the first visit. */
const DashboardViews = lazy(() => import("./dashboard-views.tsx"));

/** Mounted at `programmes/:id/dashboard/*` by the app's routes. */
export function DashboardRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <DashboardViews />
    </Suspense>
  );
}
